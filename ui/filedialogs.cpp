// SPDX-License-Identifier: MIT
#include "filedialogs.h"

#include "screenfit.h"

#include <QFileDialog>
#include <QFileInfo>

namespace trove::ui {

namespace {

// README's list of what Trove keeps, by the names those files carry.
const char *const kImagePatterns
    = "*.jpg *.jpeg *.jpe *.jfif *.png *.apng *.gif *.webp *.avif *.avifs *.heic *.heif *.hif "
      "*.jxl *.jp2 *.j2k *.jpf *.jpx *.tif *.tiff *.bmp *.dib *.ico *.cur *.svg *.svgz *.tga "
      "*.pbm *.pgm *.ppm *.pnm *.psd *.dds *.sgi *.rgb *.rgba *.bw *.pcx";

} // namespace

QString FileDialogs::imageFilter()
{
    return tr("Images (%1)").arg(QLatin1String(kImagePatterns)) + QStringLiteral(";;")
        + tr("All files (*)");
}

QSize FileDialogs::roomySize(const QWidget *parent)
{
    // Wide enough for the name, size, type and date columns side by side;
    // never larger than the screen leaves room for.
    QSize size(880, 560);
    if (parent)
        size = size.expandedTo(parent->window()->size() * 0.7);
    return withinScreen(size, parent, 0.9);
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
