// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QFileDialog;
class QWidget;

namespace trove::ui {

/// The window's file and folder choosers. Where Qt draws the dialog itself
/// (no desktop portal or platform dialog) it opens at a size that shows
/// names and dates without scrolling sideways, instead of Qt's cramped
/// default; a platform dialog keeps the size the desktop gives it.
/// Stateless; GUI thread (each call runs the dialog modally).
class FileDialogs final {
    Q_DISABLE_COPY_MOVE(FileDialogs)
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)

public:
    FileDialogs() = delete;

    static QStringList openFiles(
        QWidget *parent, const QString &caption, const QString &dir, const QString &filter);
    static QString existingDirectory(
        QWidget *parent, const QString &caption, const QString &dir = QString());
    /// @p path suggests the folder and the file name.
    static QString saveFile(QWidget *parent, const QString &caption, const QString &path);

    /// Add Images' filter: every format Trove keeps by its usual file names
    /// (phones' upper-case .HEIC too: the dialog matches without case), then
    /// all files, since Trove judges a file by its content.
    static QString imageFilter();

    /// The size a Qt-drawn file dialog opens at beside @p parent's window.
    static QSize roomySize(const QWidget *parent);

private:
    static QStringList run(QFileDialog &dialog);
};

} // namespace trove::ui
