// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace trove {
class LibrarySession;
struct SimilarItem;
} // namespace trove

namespace trove::ui {

/// Image ▸ Find Similar: the images that look like one image (re-encodes,
/// resizes, light edits), nearest first, each with the bits its hash
/// differs in, its dimensions, format, size, date and sources. The search
/// runs on the session's similarity service; the dialog never waits.
/// Modeless, deletes itself on close. GUI thread.
class SimilarDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimilarDialog)

public:
    SimilarDialog(LibrarySession *session, const ImageRecord &image, QWidget *parent = nullptr);
    ~SimilarDialog() override;

    /// The result list (for tests): one row per similar image.
    QTreeWidget *results() const { return m_results; }

    /// Fills a tree row's columns for @p item: name, distance, dimensions,
    /// format, size, added, sources.
    static QStringList columns();
    static void fillRow(QTreeWidgetItem *row, const SimilarItem &item);

Q_SIGNALS:
    /// The search answered (found or failed).
    void finished();

private:
    QPointer<LibrarySession> m_session;
    QLabel *m_status;
    QTreeWidget *m_results;
};

} // namespace trove::ui
