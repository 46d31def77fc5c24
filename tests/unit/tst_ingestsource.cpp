// SPDX-License-Identifier: MIT
// IngestSource: what may be ingested is decided before anything touches the
// network or the disk, with a specific reason for each refusal; default
// names and link extraction from pasted text. FolderWalker: which files of
// a folder tree are images, by content, and what it could not look at.

#include "imagefactory.h"
#include "ingest/folderwalker.h"
#include "ingest/imageprocessor.h"
#include "ingest/ingestsource.h"
#include "ingest/sourcelabel.h"
#include "obeypermissions.h"
#include "response.h"
#include "testfiles.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <array>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace trove;

namespace {

/// Counts what is read through it.
class CountingBuffer : public QBuffer {
public:
    qint64 bytesRead = 0;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = QBuffer::readData(data, maxSize);
        bytesRead += qMax<qint64>(n, 0);
        return n;
    }
};

} // namespace
using trove::test::ImageFactory;
using trove::test::Response;
using trove::test::writeFile;

class TestIngestSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void acceptsUrls_data();
    void acceptsUrls();
    void acceptsFiles_data();
    void acceptsFiles();
    void refuses_data();
    void refuses();
    void sourceString();
    void defaultName_data();
    void defaultName();
    void extractUrls_data();
    void extractUrls();

    void acceptsFolderWhenAsked();
    void sniffsEveryFormatByContent();
    void walkFindsImagesByContent();
    void walkReportsUnreadableFile();
    void walkReportsNameThatIsNotUtf8();
    void escapesInvalidUtf8_data();
    void escapesInvalidUtf8();
    void walkStopsWhenAsked();
    void walkRootThatIsNoFolder();

private:
    /// What a walk handed on, paths relative to @p root.
    struct Walked {
        QStringList images;
        QStringList skipped;
        QStringList problems; ///< "path: reason"
        QList<WalkProblem::Kind> kinds; ///< of problems, in the order met
        FolderWalker::Counts counts;
    };
    static Walked walk(const QString &root, int stopAfter = -1);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_oldCurrent;
};

void TestIngestSource::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestIngestSource::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("sub dir"))));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("cat.png")), "png bytes"));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("sub dir/dog photo.jpg")), "jpeg bytes"));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("café.gif")), "gif bytes"));
    // Relative paths resolve against the working directory.
    m_oldCurrent = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir->path()));
}

void TestIngestSource::cleanup()
{
    QDir::setCurrent(m_oldCurrent);
}

void TestIngestSource::acceptsUrls_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("host");
    QTest::newRow("http") << QStringLiteral("http://example.com/a.jpg") << QStringLiteral("http")
                          << QStringLiteral("example.com");
    QTest::newRow("https with query")
        << QStringLiteral("https://img.example.org/p/x.png?w=100&h=50#frag")
        << QStringLiteral("https") << QStringLiteral("img.example.org");
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTPS://EXAMPLE.COM/A.JPG")
                                       << QStringLiteral("https") << QStringLiteral("example.com");
    QTest::newRow("port and user info") << QStringLiteral("http://user@127.0.0.1:8080/i.gif")
                                        << QStringLiteral("http") << QStringLiteral("127.0.0.1");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:9000/i.gif") << QStringLiteral("http")
                          << QStringLiteral("::1");
    QTest::newRow("surrounding white space")
        << QStringLiteral("  \thttp://example.com/a.jpg \n") << QStringLiteral("http")
        << QStringLiteral("example.com");
    QTest::newRow("data") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=")
                          << QStringLiteral("data") << QString();
}

void TestIngestSource::acceptsUrls()
{
    QFETCH(QString, input);
    QFETCH(QString, scheme);
    QFETCH(QString, host);
    auto source = IngestSource::parse(input);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error()));
    QVERIFY(!source->isLocal());
    QVERIFY(source->localPath.isEmpty());
    QVERIFY(source->url.isValid());
    QCOMPARE(source->url.scheme(), scheme);
    QCOMPARE(source->url.host(), host);
}

void TestIngestSource::acceptsFiles_data()
{
    QTest::addColumn<QString>("input"); // %1 is the temp dir
    QTest::addColumn<QString>("expected"); // relative to the temp dir
    QTest::newRow("absolute") << QStringLiteral("%1/cat.png") << QStringLiteral("cat.png");
    QTest::newRow("relative") << QStringLiteral("cat.png") << QStringLiteral("cat.png");
    QTest::newRow("dot relative") << QStringLiteral("./sub dir/../cat.png")
                                  << QStringLiteral("cat.png");
    QTest::newRow("relative with a space")
        << QStringLiteral("sub dir/dog photo.jpg") << QStringLiteral("sub dir/dog photo.jpg");
    QTest::newRow("non-ASCII") << QStringLiteral("café.gif") << QStringLiteral("café.gif");
    QTest::newRow("file URL") << QStringLiteral("file://%1/cat.png") << QStringLiteral("cat.png");
    QTest::newRow("file URL, encoded space")
        << QStringLiteral("file://%1/sub%20dir/dog%20photo.jpg")
        << QStringLiteral("sub dir/dog photo.jpg");
    QTest::newRow("FILE URL, upper case")
        << QStringLiteral("FILE://%1/cat.png") << QStringLiteral("cat.png");
}

void TestIngestSource::acceptsFiles()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    auto source = IngestSource::parse(
        input.contains(QLatin1String("%1")) ? input.arg(m_dir->path()) : input);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error()));
    QVERIFY(source->isLocal());
    QVERIFY(source->url.isEmpty());
    QCOMPARE(source->localPath, QFileInfo(m_dir->filePath(expected)).absoluteFilePath());
    QVERIFY(QDir::isAbsolutePath(source->localPath));
    QCOMPARE(source->fileName(), QFileInfo(expected).fileName());
}

void TestIngestSource::refuses_data()
{
    QTest::addColumn<QString>("input"); // %1 is the temp dir
    QTest::addColumn<QString>("reason"); // %1 is the temp dir
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)")
                                << QStringLiteral("unsupported URL scheme: javascript");
    QTest::newRow("JavaScript, mixed case") << QStringLiteral("JavaScript:alert(document.cookie)")
                                            << QStringLiteral("unsupported URL scheme: javascript");
    QTest::newRow("data, bad base64")
        << QStringLiteral("data:image/png;base64,!!!!")
        << QStringLiteral("the bytes of a data: URL are not valid base64");
    QTest::newRow("data, no comma") << QStringLiteral("data:image/png;base64")
                                    << QStringLiteral("a data: URL needs a comma before its bytes");
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com/a.jpg")
                         << QStringLiteral("unsupported URL scheme: ftp");
    QTest::newRow("mailto") << QStringLiteral("mailto:someone@example.com")
                            << QStringLiteral("unsupported URL scheme: mailto");
    QTest::newRow("about") << QStringLiteral("about:blank")
                           << QStringLiteral("unsupported URL scheme: about");
    QTest::newRow("garbage word") << QStringLiteral("kittens")
                                  << QStringLiteral("not a URL or an existing file: kittens");
    QTest::newRow("garbage words") << QStringLiteral("two kittens")
                                   << QStringLiteral("not a URL or an existing file: two kittens");
    QTest::newRow("empty") << QString() << QStringLiteral("empty source");
    QTest::newRow("blank") << QStringLiteral(" \t\n") << QStringLiteral("empty source");
    QTest::newRow("missing absolute file")
        << QStringLiteral("%1/missing.png") << QStringLiteral("no such file: %1/missing.png");
    QTest::newRow("missing relative file") << QStringLiteral(
        "sub dir/missing.png") << QStringLiteral("no such file: %1/sub dir/missing.png");
    QTest::newRow("missing file URL") << QStringLiteral("file://%1/missing.png")
                                      << QStringLiteral("no such file: %1/missing.png");
    QTest::newRow("directory") << QStringLiteral("%1/sub dir")
                               << QStringLiteral("not a file: %1/sub dir");
    QTest::newRow("relative directory")
        << QStringLiteral("sub dir/") << QStringLiteral("not a file: %1/sub dir/");
    QTest::newRow("http without host")
        << QStringLiteral("http:///a.jpg") << QStringLiteral("URL has no host: http:///a.jpg");
    QTest::newRow("invalid http") << QStringLiteral("http://exa mple.com/a.jpg")
                                  << QStringLiteral("not a valid URL: http://exa mple.com/a.jpg");
}

void TestIngestSource::refuses()
{
    QFETCH(QString, input);
    QFETCH(QString, reason);
    auto source = IngestSource::parse(
        input.contains(QLatin1String("%1")) ? input.arg(m_dir->path()) : input);
    QVERIFY2(!source.ok(), "accepted");
    QCOMPARE(
        source.error(), reason.contains(QLatin1String("%1")) ? reason.arg(m_dir->path()) : reason);
}

void TestIngestSource::sourceString()
{
    auto url = IngestSource::parse(QStringLiteral("https://example.com/a b.png"));
    if (url.ok()) // strict parsing may refuse the space; either way no raw space is stored
        QVERIFY(!url->sourceString().contains(QLatin1Char(' ')));
    auto plain = IngestSource::parse(QStringLiteral("https://example.com/x.png?a=1"));
    QVERIFY(plain.ok());
    QCOMPARE(plain->sourceString(), QStringLiteral("https://example.com/x.png?a=1"));
    auto file = IngestSource::parse(QStringLiteral("cat.png"));
    QVERIFY(file.ok());
    QCOMPARE(file->sourceString(),
        QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("cat.png"))).toString());

    // A link's password fetches it once; the catalog's source and the
    // queue's tooltip never show it (the queue keeps it, for a retry).
    const QString secret = QStringLiteral("https://alice:s3cret@example.com/p/cat.png");
    auto withPassword = IngestSource::parse(secret);
    QVERIFY(withPassword.ok());
    QCOMPARE(withPassword->url.password(), QStringLiteral("s3cret"));
    QCOMPARE(withPassword->sourceString(), QStringLiteral("https://alice@example.com/p/cat.png"));
    IngestRequest queued;
    queued.source = secret;
    QCOMPARE(SourceLabel::full(queued), QStringLiteral("https://alice@example.com/p/cat.png"));
    QVERIFY(!SourceLabel::display(queued).contains(QLatin1String("s3cret")));
    queued.source = QStringLiteral("https://example.com/p/cat.png");
    QCOMPARE(SourceLabel::full(queued), queued.source);
}

void TestIngestSource::defaultName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("name");
    QTest::newRow("file name") << QStringLiteral("http://example.com/img/cat.jpg")
                               << QStringLiteral("cat");
    QTest::newRow("query ignored")
        << QStringLiteral("https://example.com/img/cat.jpg?size=large") << QStringLiteral("cat");
    QTest::newRow("two dots") << QStringLiteral("http://example.com/archive.tar.png")
                              << QStringLiteral("archive.tar");
    QTest::newRow("percent-encoded space")
        << QStringLiteral("http://example.com/my%20cat.png") << QStringLiteral("my cat");
    QTest::newRow("percent-encoded UTF-8")
        << QStringLiteral("http://example.com/caf%C3%A9.png") << QStringLiteral("café");
    QTest::newRow("no extension") << QStringLiteral("http://example.com/photos/12345")
                                  << QStringLiteral("12345");
    QTest::newRow("dot file") << QStringLiteral("http://example.com/.hidden")
                              << QStringLiteral(".hidden");
    QTest::newRow("host only") << QStringLiteral("http://example.com")
                               << QStringLiteral("example.com");
    QTest::newRow("root path") << QStringLiteral("http://example.com/")
                               << QStringLiteral("example.com");
    QTest::newRow("directory path")
        << QStringLiteral("https://cdn.example.net/images/") << QStringLiteral("cdn.example.net");
    QTest::newRow("data URL") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=")
                              << QStringLiteral("image");
    QTest::newRow("local file") << QStringLiteral("sub dir/dog photo.jpg")
                                << QStringLiteral("dog photo");
}

void TestIngestSource::defaultName()
{
    QFETCH(QString, input);
    QFETCH(QString, name);
    auto source = IngestSource::parse(input);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error()));
    QCOMPARE(source->defaultName(), name);
}

void TestIngestSource::extractUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("urls");
    QTest::newRow("nothing") << QStringLiteral("no links here, just ftp://x and www.example.com")
                             << QStringList {};
    QTest::newRow("one per line") << QStringLiteral(
        "http://a.example/1.png\nhttps://b.example/2.jpg\r\n\n")
                                  << QStringList { QStringLiteral("http://a.example/1.png"),
                                         QStringLiteral("https://b.example/2.jpg") };
    QTest::newRow("prose with punctuation")
        << QStringLiteral("Look at http://a.example/cat.png, then https://b.example/dog.jpg. Nice; "
                          "also http://c.example/x.gif! And http://d.example/y.webp?")
        << QStringList { QStringLiteral("http://a.example/cat.png"),
               QStringLiteral("https://b.example/dog.jpg"),
               QStringLiteral("http://c.example/x.gif"),
               QStringLiteral("http://d.example/y.webp") };
    QTest::newRow("query kept, trailing colon dropped")
        << QStringLiteral("see: https://a.example/img.png?w=10&h=20:")
        << QStringList { QStringLiteral("https://a.example/img.png?w=10&h=20") };
    QTest::newRow("markdown") << QStringLiteral(
        "![a cat](https://a.example/cat.png) and [link](http://b.example/page \"title\")\n"
        "<https://c.example/auto.png>")
                              << QStringList { QStringLiteral("https://a.example/cat.png"),
                                     QStringLiteral("http://b.example/page"),
                                     QStringLiteral("https://c.example/auto.png") };
    QTest::newRow("html") << QStringLiteral(
        "<p><img src=\"https://a.example/1.png\" alt='x'><a href='http://b.example/2.jpg'>two</a>"
        "<img srcset=\"https://c.example/3.webp 2x\"></p>")
                          << QStringList { QStringLiteral("https://a.example/1.png"),
                                 QStringLiteral("http://b.example/2.jpg"),
                                 QStringLiteral("https://c.example/3.webp") };
    QTest::newRow("duplicates") << QStringLiteral("http://a.example/1.png http://a.example/1.png, "
                                                  "http://b.example/2.png http://a.example/1.png.")
                                << QStringList { QStringLiteral("http://a.example/1.png"),
                                       QStringLiteral("http://b.example/2.png") };
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTP://A.EXAMPLE/X.PNG")
                                       << QStringList { QStringLiteral("HTTP://A.EXAMPLE/X.PNG") };
    QTest::newRow("non-http schemes skipped") << QStringLiteral(
        "javascript:alert(1) ftp://a.example/x.png data:image/png;base64,AAAA "
        "http://ok.example/y.png") << QStringList { QStringLiteral("http://ok.example/y.png") };
}

void TestIngestSource::extractUrls()
{
    QFETCH(QString, text);
    QFETCH(QStringList, urls);
    QCOMPARE(IngestSource::extractUrls(text), urls);
}

TestIngestSource::Walked TestIngestSource::walk(const QString &root, int stopAfter)
{
    Walked w;
    const QDir base(root);
    int entries = 0;
    FolderWalker::Visitor v;
    v.image = [&](const QString &path, qint64 size) {
        QVERIFY(QFileInfo(path).isAbsolute());
        QCOMPARE(size, QFileInfo(path).size());
        w.images << base.relativeFilePath(path);
    };
    v.skipped = [&](const QString &path) { w.skipped << base.relativeFilePath(path); };
    v.problem = [&](const WalkProblem &p) {
        w.problems << base.relativeFilePath(p.path) + QStringLiteral(": ") + p.reason;
        w.kinds << p.kind;
    };
    v.proceed = [&] { return stopAfter < 0 || entries++ < stopAfter; };
    w.counts = FolderWalker::walk(root, v);
    w.images.sort();
    w.skipped.sort();
    w.problems.sort();
    return w;
}

void TestIngestSource::acceptsFolderWhenAsked()
{
    auto files = IngestSource::parse(QStringLiteral("sub dir"));
    QVERIFY(!files.ok()); // the pipeline takes files only
    auto folders
        = IngestSource::parse(QStringLiteral("sub dir"), IngestSource::Accept::FilesAndFolders);
    QVERIFY2(folders.ok(), qPrintable(folders.ok() ? QString() : folders.error()));
    QVERIFY(folders->isFolder());
    QCOMPARE(folders->localPath, m_dir->filePath(QStringLiteral("sub dir")));
    auto file
        = IngestSource::parse(QStringLiteral("cat.png"), IngestSource::Accept::FilesAndFolders);
    QVERIFY(file.ok());
    QVERIFY(!file->isFolder());
    QCOMPARE(file->localSize, qint64(9));
    QVERIFY(IngestSource::isRemote(QStringLiteral(" HTTPS://example.com/a.png")));
    QVERIFY(IngestSource::isRemote(QStringLiteral("data:image/png;base64,AA==")));
    QVERIFY(!IngestSource::isRemote(QStringLiteral("/tmp/http:/a.png")));
    QVERIFY(!IngestSource::isRemote(QStringLiteral("file:///tmp/a.png")));
}

// The walker judges by content only: every format the processor takes is
// recognised without an extension, text is not, whatever its name, and no
// file is read whole.
void TestIngestSource::sniffsEveryFormatByContent()
{
    const QString root = m_dir->filePath(QStringLiteral("formats"));
    QVERIFY(QDir().mkpath(root));
    QStringList expected;
    for (const QByteArray &format : ImageFactory::formats()) {
        QVERIFY(writeFile(
            root + QLatin1Char('/') + QString::fromLatin1(format) + QStringLiteral("-file"),
            ImageFactory::image(format, 300, 200, 5)));
        expected << QString::fromLatin1(format) + QStringLiteral("-file");
    }
    QVERIFY(writeFile(root + QStringLiteral("/page.png"), ImageFactory::html()));
    QVERIFY(
        writeFile(root + QStringLiteral("/note.svg"), "<?xml version=\"1.0\"?><note>hi</note>"));
    // Compressed SVG is an image; any other gzip file is not, whatever its
    // name says.
    QVERIFY(writeFile(root + QStringLiteral("/drawing-file"), ImageFactory::svgz(300, 200, 5)));
    expected << QStringLiteral("drawing-file");
    QVERIFY(writeFile(
        root + QStringLiteral("/archive.svgz"), ImageFactory::garbage(64).prepend("\x1f\x8b")));
    QVERIFY(writeFile(root + QStringLiteral("/backup.svgz"),
        Response::gzip(ImageFactory::garbage(4096).prepend("ustar"))));
    QVERIFY(writeFile(root + QStringLiteral("/page.svgz"), Response::gzip(ImageFactory::html())));
    const Walked w = walk(root);
    expected.sort();
    QCOMPARE(w.images, expected);
    QCOMPARE(w.skipped,
        QStringList({ QStringLiteral("archive.svgz"), QStringLiteral("backup.svgz"),
            QStringLiteral("note.svg"), QStringLiteral("page.png"), QStringLiteral("page.svgz") }));

    // A probe reads a header (and TGA's footer), never the whole file.
    for (const QByteArray &format : ImageFactory::formats()) {
        CountingBuffer buffer;
        buffer.setData(ImageFactory::image(format, 800, 600, 9));
        QVERIFY(buffer.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        QCOMPARE(ImageProcessor::sniffImageFormat(&buffer), format);
        QCOMPARE(buffer.pos(), 0);
        QVERIFY2(buffer.bytesRead < 64 * 1024 && buffer.bytesRead < buffer.size() / 2,
            qPrintable(QStringLiteral("%1: read %2 of %3 bytes")
                           .arg(QString::fromLatin1(format))
                           .arg(buffer.bytesRead)
                           .arg(buffer.size())));
    }
    // A large svgz is judged by its first few KiB inflated.
    QByteArray drawing = ImageFactory::svg(800, 600, 9);
    drawing.insert(drawing.indexOf("</svg>"),
        "<desc>" + ImageFactory::randomBytes(512 * 1024).toBase64() + "</desc>\n");
    CountingBuffer svgz;
    svgz.setData(Response::gzip(drawing));
    QVERIFY(svgz.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
    QCOMPARE(ImageProcessor::sniffImageFormat(&svgz), QByteArray("svgz"));
    QCOMPARE(svgz.pos(), 0);
    QVERIFY2(svgz.bytesRead < 64 * 1024,
        qPrintable(QStringLiteral("read %1 of %2 bytes").arg(svgz.bytesRead).arg(svgz.size())));
}

// Nested folders, images under wrong names or none, non-images under image
// names, links that loop, a dangling link, a FIFO and a hidden folder.
void TestIngestSource::walkFindsImagesByContent()
{
    const QString root = m_dir->filePath(QStringLiteral("tree"));
    const QString outside = m_dir->filePath(QStringLiteral("outside"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/nested/deeper")));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.hidden")));
    QVERIFY(QDir().mkpath(outside));
    QVERIFY(writeFile(root + QStringLiteral("/a.png"), ImageFactory::png(40, 30, 1)));
    QVERIFY(writeFile(root + QStringLiteral("/nested/deeper/photo"), ImageFactory::jpeg(40, 30)));
    QVERIFY(writeFile(root + QStringLiteral("/nested/wrong.txt"), ImageFactory::gif(20, 20)));
    QVERIFY(writeFile(root + QStringLiteral("/nested/notes.png"), "not a picture at all\n"));
    QVERIFY(writeFile(root + QStringLiteral("/readme.md"), "# read me\n"));
    QVERIFY(writeFile(root + QStringLiteral("/empty.jpg"), {}));
    QVERIFY(writeFile(root + QStringLiteral("/.hidden/h.png"), ImageFactory::png(10, 10, 2)));
    QVERIFY(writeFile(outside + QStringLiteral("/ext.png"), ImageFactory::png(12, 12, 3)));
    QVERIFY(QFile::link(root, root + QStringLiteral("/nested/deeper/to-root")));
    QVERIFY(QFile::link(QStringLiteral(".."), root + QStringLiteral("/nested/up")));
    QVERIFY(QFile::link(QStringLiteral("gone.png"), root + QStringLiteral("/dangling.png")));
    QVERIFY(QFile::link(outside + QStringLiteral("/ext.png"), root + QStringLiteral("/ext-link")));
    // A folder reached twice is walked once, and that is no loop.
    QVERIFY(QFile::link(root + QStringLiteral("/nested/deeper"), root + QStringLiteral("/again")));
    const bool fifo
        = ::mkfifo(QFile::encodeName(root + QStringLiteral("/pipe")).constData(), 0600) == 0;

    const Walked w = walk(root);
    // The first way into nested/deeper wins; readdir() order decides which.
    QStringList images { QStringLiteral("a.png"), QStringLiteral("ext-link"),
        w.images.contains(QStringLiteral("again/photo")) ? QStringLiteral("again/photo")
                                                         : QStringLiteral("nested/deeper/photo"),
        QStringLiteral("nested/wrong.txt") };
    images.sort();
    QCOMPARE(w.images, images);
    QStringList skipped { QStringLiteral("empty.jpg"), QStringLiteral("nested/notes.png"),
        QStringLiteral("readme.md") };
    if (fifo)
        skipped << QStringLiteral("pipe"); // skipped unopened: opening would block
    skipped.sort();
    QCOMPARE(w.skipped, skipped);
    const QString problems = w.problems.join(QLatin1Char('\n'));
    QCOMPARE(w.problems.size(), 3);
    QVERIFY2(w.problems.contains(QStringLiteral("dangling.png: cannot follow symbolic link to %1")
                                     .arg(root + QStringLiteral("/gone.png")))
            || w.problems.contains(
                QStringLiteral("dangling.png: cannot follow symbolic link to gone.png")),
        qPrintable(problems));
    const QString loop
        = QStringLiteral("symbolic link loop back to ") + QFileInfo(root).canonicalFilePath();
    QVERIFY2(w.problems.filter(loop).size() == 2, qPrintable(problems));
    // Nothing that exists was left out: notes, not failures.
    QCOMPARE(w.kinds, QList<WalkProblem::Kind>(3, WalkProblem::Kind::Note));
    QCOMPARE(w.counts.images, 4);
    QCOMPARE(w.counts.skipped, qint64(skipped.size()));
    QCOMPARE(w.counts.problems, 3);
    QVERIFY(!w.counts.stopped);
}

// A file, a folder and a folder that may be listed but not entered (r, no
// x), all unreadable: each is said to be so, in the errno's plain words,
// and the walk goes on to what it can read.
void TestIngestSource::walkReportsUnreadableFile()
{
    const QString root = m_dir->filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/shut")));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/listable")));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/after")));
    const QString secret = root + QStringLiteral("/secret.png");
    QVERIFY(writeFile(secret, ImageFactory::png(10, 10)));
    QVERIFY(writeFile(root + QStringLiteral("/open.png"), ImageFactory::png(11, 10)));
    QVERIFY(writeFile(root + QStringLiteral("/shut/in.png"), ImageFactory::png(12, 10)));
    QVERIFY(writeFile(root + QStringLiteral("/listable/in.png"), ImageFactory::png(13, 10)));
    QVERIFY(writeFile(root + QStringLiteral("/after/in.png"), ImageFactory::png(14, 10)));
    QVERIFY(QFile::setPermissions(secret, {}));
    QVERIFY(QFile::setPermissions(root + QStringLiteral("/shut"), {}));
    QVERIFY(QFile::setPermissions(root + QStringLiteral("/listable"), QFile::ReadOwner));
    Walked w;
    {
        // As root, permission bits bind only without these capabilities.
        const trove::test::ObeyPermissions obey;
        if (obey.obeyed())
            w = walk(root);
    }
    // Given back, so that the temporary folder can be removed.
    for (const char *folder : { "/shut", "/listable" })
        QFile::setPermissions(
            root + QLatin1String(folder), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::setPermissions(secret, QFile::ReadOwner | QFile::WriteOwner);
    if (w.counts.folders == 0)
        QSKIP("running as root without the right to drop CAP_DAC_OVERRIDE: nothing is unreadable");

    QCOMPARE(w.images, QStringList({ QStringLiteral("after/in.png"), QStringLiteral("open.png") }));
    QCOMPARE(w.problems,
        QStringList({ QStringLiteral("listable: cannot open folder: permission denied"),
            QStringLiteral("secret.png: cannot read: permission denied"),
            QStringLiteral("shut: cannot open folder: permission denied") }));
    QCOMPARE(w.kinds, QList<WalkProblem::Kind>(3, WalkProblem::Kind::Unread));
    QCOMPARE(w.counts.problems, 3);
}

// QString cannot carry a name that is not valid UTF-8, so no part of Trove
// could open such a file: it is reported by its bytes, never dropped
// unsaid; the rest of its folder is walked.
void TestIngestSource::walkReportsNameThatIsNotUtf8()
{
    const QString root = m_dir->filePath(QStringLiteral("latin1"));
    QVERIFY(QDir().mkpath(root));
    const QByteArray base = QFile::encodeName(root);
    auto create = [](const QByteArray &path, const QByteArray &bytes) {
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0)
            return false;
        const bool written = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
        return ::close(fd) == 0 && written;
    };
    if (!create(base + "/caf\xe9.png", ImageFactory::png(10, 10, 1)))
        QSKIP("this file system takes only UTF-8 names");
    QVERIFY(create(base + "/\xff\xfe.gif", ImageFactory::gif(10, 10, 2)));
    QVERIFY(::mkdir((base + "/photos \xa9 2019").constData(), 0755) == 0);
    QVERIFY(create(base + "/photos \xa9 2019/in.png", ImageFactory::png(11, 10, 3)));
    QVERIFY(writeFile(root + QStringLiteral("/café ok.png"), ImageFactory::png(12, 10, 4)));

    const Walked w = walk(root);
    // QTemporaryDir cannot remove them: it lists with QDirIterator too.
    for (const char *file : { "/caf\xe9.png", "/\xff\xfe.gif", "/photos \xa9 2019/in.png" })
        ::unlink((base + file).constData());
    ::rmdir((base + "/photos \xa9 2019").constData());
    QCOMPARE(w.images, QStringList { QStringLiteral("café ok.png") });
    QCOMPARE(w.problems,
        QStringList({ QStringLiteral("\\xff\\xfe.gif: the name is not valid UTF-8: rename it to "
                                     "add it"),
            QStringLiteral("caf\\xe9.png: the name is not valid UTF-8: rename it to add it"),
            QStringLiteral(
                "photos \\xa9 2019: the name is not valid UTF-8: rename it to add it") }));
    QCOMPARE(w.kinds, QList<WalkProblem::Kind>(3, WalkProblem::Kind::Unread));
    QCOMPARE(w.counts.images, 1);
    QCOMPARE(w.counts.skipped, 0);
    QCOMPARE(w.counts.problems, 3);
}

void TestIngestSource::escapesInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("ascii") << QByteArray("a b.png") << QStringLiteral("a b.png");
    QTest::newRow("utf-8 kept") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb7")
                                << QStringLiteral("café € 📷");
    QTest::newRow("latin-1") << QByteArray("caf\xe9.png") << QStringLiteral("caf\\xe9.png");
    QTest::newRow("lone continuation") << QByteArray("\x80x") << QStringLiteral("\\x80x");
    QTest::newRow("cut sequence") << QByteArray("a\xe2\x82") << QStringLiteral("a\\xe2\\x82");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QStringLiteral("\\xc0\\xaf");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QStringLiteral("\\xed\\xa0\\x80");
    QTest::newRow("0xff") << QByteArray("\xff") << QStringLiteral("\\xff");
}

void TestIngestSource::escapesInvalidUtf8()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, escaped);
    QCOMPARE(FolderWalker::escapeInvalidUtf8(name), escaped);
}

void TestIngestSource::walkStopsWhenAsked()
{
    const QString root = m_dir->filePath(QStringLiteral("many"));
    QVERIFY(QDir().mkpath(root));
    for (int i = 0; i < 20; ++i)
        QVERIFY(writeFile(
            root + QStringLiteral("/%1.png").arg(i), ImageFactory::png(8, 8, quint32(i))));
    const Walked w = walk(root, 5);
    QVERIFY(w.counts.stopped);
    QVERIFY2(w.images.size() <= 5, qPrintable(QString::number(w.images.size())));
}

void TestIngestSource::walkRootThatIsNoFolder()
{
    Walked w = walk(m_dir->filePath(QStringLiteral("cat.png")));
    QCOMPARE(w.problems, QStringList { QStringLiteral(".: not a folder") });
    w = walk(m_dir->filePath(QStringLiteral("nothing here")));
    QCOMPARE(w.problems, QStringList { QStringLiteral(".: no such file or folder") });
    QCOMPARE(w.counts.images, 0);
}

QTEST_GUILESS_MAIN(TestIngestSource)
#include "tst_ingestsource.moc"
