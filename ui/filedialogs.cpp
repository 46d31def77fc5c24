// SPDX-License-Identifier: MIT
#include "filedialogs.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QScreen>

namespace trove::ui {

QStringList FileDialogs::imagePatterns()
{
    // README's list of what Trove keeps, by the names those files carry.
    return { QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.jpe"),
        QStringLiteral("*.jfif"), QStringLiteral("*.png"), QStringLiteral("*.apng"),
        QStringLiteral("*.gif"), QStringLiteral("*.webp"), QStringLiteral("*.avif"),
        QStringLiteral("*.avifs"), QStringLiteral("*.heic"), QStringLiteral("*.heif"),
        QStringLiteral("*.hif"), QStringLiteral("*.jxl"), QStringLiteral("*.jp2"),
        QStringLiteral("*.j2k"), QStringLiteral("*.jpf"), QStringLiteral("*.jpx"),
        QStringLiteral("*.tif"), QStringLiteral("*.tiff"), QStringLiteral("*.bmp"),
        QStringLiteral("*.dib"), QStringLiteral("*.ico"), QStringLiteral("*.cur"),
        QStringLiteral("*.svg"), QStringLiteral("*.svgz"), QStringLiteral("*.tga"),
        QStringLiteral("*.pbm"), QStringLiteral("*.pgm"), QStringLiteral("*.ppm"),
        QStringLiteral("*.pnm"), QStringLiteral("*.psd"), QStringLiteral("*.dds"),
        QStringLiteral("*.sgi"), QStringLiteral("*.rgb"), QStringLiteral("*.rgba"),
        QStringLiteral("*.bw"), QStringLiteral("*.pcx") };
}

QString FileDialogs::imageFilter()
{
    return tr("Images (%1)").arg(imagePatterns().join(QLatin1Char(' '))) + QStringLiteral(";;")
        + tr("All files (*)");
}

QSize FileDialogs::roomySize(const QWidget *parent)
{
    // Wide enough for the name, size, type and date columns side by side;
    // never larger than the screen leaves room for.
    QSize size(880, 560);
    if (parent)
        size = size.expandedTo(parent->window()->size() * 0.7);
    const QScreen *screen = parent ? parent->screen() : nullptr;
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (screen)
        size = size.boundedTo(screen->availableSize() * 0.9);
    return size;
}

QStringList FileDialogs::run(QFileDialog &dialog)
{
    dialog.resize(roomySize(dialog.parentWidget()));
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.selectedFiles();
}

QStringList FileDialogs::openFiles(
    QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    QFileDialog dialog(parent, caption, dir, filter);
    dialog.setFileMode(QFileDialog::ExistingFiles);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    return run(dialog);
}

QString FileDialogs::existingDirectory(QWidget *parent, const QString &caption, const QString &dir)
{
    QFileDialog dialog(parent, caption, dir);
    dialog.setFileMode(QFileDialog::Directory);
    dialog.setOption(QFileDialog::ShowDirsOnly);
    return run(dialog).value(0);
}

QString FileDialogs::saveFile(QWidget *parent, const QString &caption, const QString &path)
{
    const QFileInfo info(path);
    QFileDialog dialog(parent, caption, info.absolutePath());
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.selectFile(info.fileName());
    return run(dialog).value(0);
}

} // namespace trove::ui
