// SPDX-License-Identifier: MIT
#include "dialogs/helpdialogs.h"

#include "icons.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace trove::ui {

namespace {

// A help text in a window of its own, with a Close button; modal.
void execHtmlDialog(QWidget *parent, const QString &title, const QString &html, const QSize &size,
    const QString &textName = {})
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *text = new QTextBrowser(&dialog);
    text->setObjectName(textName);
    text->setHtml(html);
    text->setFrameShape(QFrame::NoFrame);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(size);
    dialog.exec();
}

} // namespace

void HelpDialogs::showAbout(QWidget *parent)
{
    QMessageBox box(parent);
    box.setWindowTitle(tr("About Trove"));
    box.setIconPixmap(appIcon().pixmap(64, 64));
    box.setTextFormat(Qt::RichText);
    box.setText(tr(
        "<h3>Trove %1</h3>"
        "<p>Collect images from the web into a fast local gallery.</p>"
        "<p>Paste or drop image links, files or pictures from a browser; Trove downloads them in "
        "the "
        "background, keeps the original bytes losslessly compressed and shows them as a searchable "
        "gallery.</p>"
        "<p>Built with Qt %2.</p>")
                    .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                        QString::fromLatin1(qVersion())));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

void HelpDialogs::showShortcuts(QWidget *parent)
{
    const QList<QPair<QString, QString>> rows = {
        { tr("Ctrl+V"), tr("Add the links, files or image on the clipboard") },
        { tr("Ctrl+O"), tr("Add image files") },
        { tr("Ctrl+F"), tr("Search (type tag:name for one tag)") },
        { tr("Enter, double-click"), tr("Open the image") },
        { tr("Ctrl+C"), tr("Copy the image") },
        { tr("Ctrl+Shift+C"), tr("Copy the source link") },
        { tr("Ctrl+E"), tr("Export the original") },
        { tr("F2"), tr("Edit name and tags") },
        { tr("Delete"), tr("Remove the selected images (in the queue: cancel)") },
        { tr("1 to 5, 0"), tr("Rate the selected images, or clear their rating") },
        { tr("F"), tr("Mark or unmark the selected images as favourites") },
        { tr("Ctrl+A"), tr("Select all") },
        { tr("Ctrl++ or Ctrl+=, Ctrl+-"), tr("Larger or smaller thumbnails") },
        { tr("Shift+arrows, Shift+click"), tr("Extend the selection in reading order") },
        { tr("Escape"), tr("Clear the search, then the selection") },
        { tr("Ctrl+I"), tr("Library statistics") },
        { tr("F8"), tr("Show the next item in the queue that failed") },
        { tr("F2 in the Collections dock"), tr("Rename the collection (undo with Ctrl+Z)") },
        { tr("Drag in Collection order"),
            tr("Move the selected images between others in the collection shown (undo with "
               "Ctrl+Z)") },
        { tr("In the viewer"), QString() },
        { tr("Right, Page Down, Space"), tr("Next image") },
        { tr("Left, Page Up"), tr("Previous image") },
        { tr("+, -, wheel"), tr("Zoom in, out") },
        { tr("Ctrl+0, Ctrl+1, W"), tr("Fit to window, 100 %, fit width") },
        { tr("F11, double-click"), tr("Full screen") },
        { tr("S"), tr("Slideshow (any key or click stops it)") },
        { tr("P"), tr("Pause or play an animation") },
        { tr(", ."), tr("Previous or next frame of an animation") },
        { tr("R, Shift+R"), tr("Turn the picture (for display only)") },
        { tr("Escape"), tr("Leave full screen, then back to the gallery") },
    };
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\">");
    for (const auto &[keys, what] : rows) {
        if (what.isEmpty())
            html += QStringLiteral("<tr><td colspan=\"2\"><br><b>%1</b></td></tr>")
                        .arg(keys.toHtmlEscaped());
        else
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");

    execHtmlDialog(parent, tr("Keyboard Shortcuts"), html, QSize(520, 560));
}

void HelpDialogs::showSearchSyntax(QWidget *parent)
{
    const QList<QPair<QString, QString>> rows = {
        { tr("red forest"), tr("Both words, each in the name, a tag or a source site") },
        { tr("\"red forest\""), tr("The words together, as typed") },
        { tr("\"say \\\"hi\\\"\", tag:\"C:\\\\photos\""),
            tr("Inside quotes, \\\" is a quote and \\\\ a backslash") },
        { tr("tag:nature"),
            tr("Tagged nature (any case); tag:\"two words\" for a tag with spaces") },
        { tr("-tag:nature, NOT tag:nature"),
            tr("Without the tag nature; a minus excludes any term") },
        { tr("cat OR dog"), tr("Either (OR in capitals)") },
        { tr("(cat OR dog) -tag:sketch"), tr("Parentheses group terms") },
        { tr("untagged"), tr("Images with no tag") },
        { tr("site:example.com"), tr("From example.com or any of its subdomains") },
        { tr("format:png"),
            tr("By format: png, jpeg (or jpg), gif, webp, heic, svg (svgz too), …") },
        { tr("width:>1000, height:<=200"), tr("By size in pixels: <, <=, =, >=, >") },
        { tr("pixels:>2M"), tr("By width × height; K and M for thousands and millions") },
        { tr("size:>1MB"), tr("By file size; KB, MB and GB count in 1024s") },
        { tr("added:2026-11"), tr("Added in that month; also a year or a day") },
        { tr("added:>2026-11-20"), tr("Added after that day; <, <=, >= too") },
        { tr("added:2026-11-01..2026-11-15"), tr("Added in that range, both days included") },
        { tr("rating:>=4, rating:3, rating:<2"),
            tr("By rating, 0 (not rated) to 5 stars: <, <=, =, >=, >") },
        { tr("fav"), tr("Favourites only; -fav for the others") },
        { tr("in:\"holiday 2026\""),
            tr("In that collection (any case); a smart collection finds what its saved "
               "search finds. Alone, a hand-made one can be sorted by Collection order (its "
               "own order: drag to reorder)") },
    };
    QString html = QStringLiteral("<p>%1</p><table cellspacing=\"0\" cellpadding=\"4\">")
                       .arg(tr("Terms separated by spaces must all match. A search Trove cannot "
                               "read is explained under the search box.")
                                .toHtmlEscaped());
    for (const auto &[example, what] : rows)
        html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td></tr>")
                    .arg(example.toHtmlEscaped(), what.toHtmlEscaped());
    html += QStringLiteral("</table><p>%1</p>")
                .arg(tr("The same search works in \"trove list --search\" and in the local "
                        "API's search=.")
                         .toHtmlEscaped());

    execHtmlDialog(
        parent, tr("Search Syntax"), html, QSize(640, 560), QStringLiteral("searchSyntax"));
}

} // namespace trove::ui
