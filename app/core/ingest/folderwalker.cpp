// SPDX-License-Identifier: MIT
#include "ingest/folderwalker.h"

#include "ingest/imageprocessor.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace trove {

namespace {

// The entries of one folder, hidden ones left out. On Unix straight from
// readdir(): QDirIterator drops a name that is not valid UTF-8 without a
// word (it cannot stat the QString it made of the bytes), and cannot say
// why a folder would not open.
class FolderEntries final {
    Q_DISABLE_COPY_MOVE(FolderEntries)

public:
    explicit FolderEntries(const QString &path)
        : m_prefix(path.endsWith(QLatin1Char('/')) ? path : path + QLatin1Char('/'))
    {
#ifdef Q_OS_UNIX
        m_dir = ::opendir(QFile::encodeName(path).constData());
        if (!m_dir)
            m_error = errno;
#else
        if (!QFileInfo(path).isReadable())
            m_error = EACCES;
        else
            m_entries = std::make_unique<QDirIterator>(
                path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
#endif
    }
    ~FolderEntries()
    {
#ifdef Q_OS_UNIX
        if (m_dir)
            ::closedir(m_dir);
#endif
    }

    /// Why the folder could not be opened, or listed to the end; 0 if not.
    int error() const
    {
        return m_error;
    }

    /// The next entry's path; @p badName gets the name's bytes when they
    /// are not valid UTF-8 (the path is then no way to reach it).
    bool next(QString *path, QByteArray *badName)
    {
        badName->clear();
#ifdef Q_OS_UNIX
        while (m_dir) {
            errno = 0;
            const dirent *entry = ::readdir(m_dir);
            if (!entry) {
                m_error = errno;
                return false;
            }
            const QByteArray name(entry->d_name);
            if (name.startsWith('.'))
                continue;
            const QString decoded = QFile::decodeName(name);
            if (QFile::encodeName(decoded) != name)
                *badName = name;
            *path = m_prefix + decoded;
            return true;
        }
        return false;
#else
        if (!m_entries || !m_entries->hasNext())
            return false;
        *path = m_entries->next();
        return true;
#endif
    }

private:
    QString m_prefix;
    int m_error = 0;
#ifdef Q_OS_UNIX
    DIR *m_dir = nullptr;
#else
    std::unique_ptr<QDirIterator> m_entries;
#endif
};

} // namespace

QString FolderWalker::errorText(int error)
{
    switch (error) {
    case EACCES:
    case EPERM:
        return tr("permission denied");
    case ENOENT:
        return tr("no such file or folder");
    case EIO:
        return tr("input/output error");
    default:
        break;
    }
    QString text = QString::fromLocal8Bit(std::strerror(error));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

QString FolderWalker::escapeInvalidUtf8(const QByteArray &name)
{
    QString escaped;
    qsizetype i = 0;
    while (i < name.size()) {
        const uchar c = uchar(name.at(i));
        // The length a sequence starting with this byte would have.
        const int length = c < 0x80 ? 1
            : (c & 0xe0) == 0xc0    ? 2
            : (c & 0xf0) == 0xe0    ? 3
            : (c & 0xf8) == 0xf0    ? 4
                                    : 0;
        if (length > 0 && i + length <= name.size()) {
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = utf8.decode(QByteArrayView(name).sliced(i, length));
            if (!utf8.hasError()) {
                escaped += decoded;
                i += length;
                continue;
            }
        }
        escaped += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        ++i;
    }
    return escaped;
}

FolderWalker::Sniffed FolderWalker::sniff(const QString &path)
{
    QFile file;
    // Unbuffered: only what the format probes ask for is read.
    constexpr QIODevice::OpenMode mode = QIODevice::ReadOnly | QIODevice::Unbuffered;
#ifdef Q_OS_UNIX
    // Opened here for errno: QFile keeps only strerror()'s capitalised text.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return { false, tr("cannot read: %1").arg(errorText(errno)) };
    if (!file.open(fd, mode, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return { false, tr("cannot read: %1").arg(file.errorString()) };
    }
#else
    file.setFileName(path);
    if (!file.open(mode))
        return { false, tr("cannot read: %1").arg(file.errorString()) };
#endif
    const bool image = !ImageProcessor::sniffImageFormat(&file).isEmpty();
    if (file.error() != QFileDevice::NoError)
        return { false, tr("cannot read: %1").arg(file.errorString()) };
    return { image, {} };
}

FolderWalker::Counts FolderWalker::walk(const QString &root, const Visitor &visitor)
{
    Counts counts;
    auto problem = [&](const QString &path, const QString &reason,
                       WalkProblem::Kind kind = WalkProblem::Kind::Unread) {
        ++counts.problems;
        if (visitor.problem)
            visitor.problem({ path, reason, kind });
    };

    struct Folder {
        QString path;
        QString canonical;
        std::unique_ptr<FolderEntries> entries;
    };
    std::vector<Folder> open; // the folders being walked, root first
    QSet<QString> walked; // canonical paths of every folder entered

    // Enters a folder unless it loops back or was walked already.
    auto enter = [&](const QString &path, const QString &canonical) {
        if (walked.contains(canonical)) {
            for (const Folder &f : open) {
                if (f.canonical == canonical) {
                    problem(path, tr("symbolic link loop back to %1").arg(canonical),
                        WalkProblem::Kind::Note);
                    return;
                }
            }
            return; // another way into a folder already walked
        }
        auto entries = std::make_unique<FolderEntries>(path);
        if (entries->error() != 0) {
            problem(path, tr("cannot open folder: %1").arg(errorText(entries->error())));
            return;
        }
        walked.insert(canonical);
        ++counts.folders;
        open.push_back({ path, canonical, std::move(entries) });
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
        FolderEntries &entries = *open.back().entries;
        QString path;
        QByteArray badName;
        if (!entries.next(&path, &badName)) {
            if (entries.error() != 0)
                problem(
                    open.back().path, tr("cannot list folder: %1").arg(errorText(entries.error())));
            open.pop_back();
            continue;
        }
        if (!badName.isEmpty()) {
            problem(open.back().path + QLatin1Char('/') + escapeInvalidUtf8(badName),
                tr("the name is not valid UTF-8: rename it to add it"));
            continue;
        }
#ifdef Q_OS_UNIX
        // Listed, yet not there: gone since, or a folder that may be read
        // but not searched (r without x), which is said once, for it.
        if (struct stat st; ::lstat(QFile::encodeName(path).constData(), &st) != 0) {
            const int error = errno;
            if (error == EACCES) {
                problem(open.back().path, tr("cannot open folder: %1").arg(errorText(error)));
                open.pop_back();
            } else {
                problem(path, tr("cannot read: %1").arg(errorText(error)));
            }
            continue;
        }
#endif
        const QFileInfo info(path);
        // For a link, everything below is about its final target.
        QString canonical;
        if (info.isSymLink()) {
            canonical = info.canonicalFilePath();
            if (canonical.isEmpty()) { // dangling, or a loop of links
                problem(path, tr("cannot follow symbolic link to %1").arg(info.symLinkTarget()),
                    WalkProblem::Kind::Note);
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
