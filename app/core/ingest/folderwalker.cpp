// SPDX-License-Identifier: MIT
#include "ingest/folderwalker.h"

#include "ingest/imageprocessor.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <memory>
#include <vector>

namespace trove {

FolderWalker::Sniffed FolderWalker::sniff(const QString &path)
{
    QFile file(path);
    // Unbuffered: only what the format probes ask for is read.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return { false, tr("cannot read: %1").arg(file.errorString()) };
    const bool image = !ImageProcessor::sniffImageFormat(&file).isEmpty();
    if (file.error() != QFileDevice::NoError)
        return { false, tr("cannot read: %1").arg(file.errorString()) };
    return { image, {} };
}

FolderWalker::Counts FolderWalker::walk(const QString &root, const Visitor &visitor)
{
    Counts counts;
    auto problem = [&](const QString &path, const QString &reason) {
        ++counts.problems;
        if (visitor.problem)
            visitor.problem({ path, reason });
    };

    struct Folder {
        QString canonical;
        std::unique_ptr<QDirIterator> entries;
    };
    std::vector<Folder> open; // the folders being walked, root first
    QSet<QString> walked; // canonical paths of every folder entered

    // Enters a folder unless it loops back or was walked already.
    auto enter = [&](const QString &path, const QString &canonical) {
        if (walked.contains(canonical)) {
            for (const Folder &f : open) {
                if (f.canonical == canonical) {
                    problem(path, tr("symbolic link loop back to %1").arg(canonical));
                    return;
                }
            }
            return; // another way into a folder already walked
        }
        const QFileInfo info(path);
        if (!info.isReadable() || !info.isExecutable()) {
            problem(path, tr("cannot open folder: permission denied"));
            return;
        }
        walked.insert(canonical);
        ++counts.folders;
        open.push_back({ canonical,
            std::make_unique<QDirIterator>(
                path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System) });
    };

    const QFileInfo rootInfo(root);
    const QString rootCanonical = rootInfo.canonicalFilePath();
    if (rootCanonical.isEmpty() || !rootInfo.isDir()) {
        problem(root, rootInfo.exists() ? tr("not a folder") : tr("no such file or folder"));
        return counts;
    }
    enter(rootInfo.absoluteFilePath(), rootCanonical);

    while (!open.empty()) {
        if (visitor.proceed && !visitor.proceed()) {
            counts.stopped = true;
            break;
        }
        QDirIterator &entries = *open.back().entries;
        if (!entries.hasNext()) {
            open.pop_back();
            continue;
        }
        const QString path = entries.next();
        const QFileInfo info = entries.fileInfo();
        // For a link, everything below is about its final target.
        QString canonical;
        if (info.isSymLink()) {
            canonical = info.canonicalFilePath();
            if (canonical.isEmpty()) { // dangling, or a loop of links
                problem(path, tr("cannot follow symbolic link to %1").arg(info.symLinkTarget()));
                continue;
            }
        }
        if (info.isDir()) {
            enter(path, canonical.isEmpty() ? info.canonicalFilePath() : canonical);
            continue;
        }
        if (!info.isFile()) { // FIFO, socket, device: never opened
            ++counts.skipped;
            if (visitor.skipped)
                visitor.skipped(path);
            continue;
        }
        const Sniffed sniffed = sniff(path);
        if (!sniffed.error.isEmpty()) {
            problem(path, sniffed.error);
        } else if (sniffed.image) {
            ++counts.images;
            if (visitor.image)
                visitor.image(info.absoluteFilePath(), info.size());
        } else {
            ++counts.skipped;
            if (visitor.skipped)
                visitor.skipped(path);
        }
    }
    return counts;
}

} // namespace trove
