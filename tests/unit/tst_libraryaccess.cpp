// SPDX-License-Identifier: MIT
// Where a library may live: LibraryAccess classifies file systems (network
// or not) from statfs's magic and the mount's type, and tells a library
// that cannot be written; Connection then opens a network library with a
// rollback journal, a read-only one (a read-only bind mount, as media would
// be) without WAL or migration, for readers only, and makes a damaged
// thumbs.sqlite anew.
#include "catalog/catalogreader.h"
#include "readonlymount.h"
#include "resultcheck.h"
#include "storage/database.h"
#include "storage/libraryaccess.h"
#include "storage/librarypaths.h"
#include "testfiles.h"

#include <QDir>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace trove;
using namespace trove::test;

namespace {

QString journalMode(Connection &c)
{
    QSqlQuery q = c.query(QStringLiteral("PRAGMA journal_mode"));
    return q.exec() && q.next() ? q.value(0).toString().toLower() : QString();
}

} // namespace

class TestLibraryAccess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void classifies_data();
    void classifies();
    void testTypeStandsIn();
    void networkLibraryKeepsARollbackJournal();
    void localLibraryKeepsWal();
    void readOnlyMountOpensForReadersOnly();
    void damagedThumbsStartAfresh();
    void damagedCatalogSaysSo();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    LibraryPaths m_paths;
};

void TestLibraryAccess::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLibraryAccess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_paths = LibraryPaths(m_dir->filePath(QStringLiteral("library")));
    qunsetenv("TROVE_TEST_FSTYPE");
}

void TestLibraryAccess::cleanup()
{
    qunsetenv("TROVE_TEST_FSTYPE");
}

void TestLibraryAccess::classifies_data()
{
    QTest::addColumn<quint64>("magic");
    QTest::addColumn<QString>("mountType");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("network");

    QTest::newRow("ext4") << quint64(0xEF53) << QString() << "ext4" << false;
    QTest::newRow("btrfs") << quint64(0x9123683E) << QString() << "btrfs" << false;
    QTest::newRow("tmpfs") << quint64(0x01021994) << QString() << "tmpfs" << false;
    QTest::newRow("nfs") << quint64(0x6969) << QString() << "nfs" << true;
    QTest::newRow("nfs4 by mount") << quint64(0x6969) << "nfs4"
                                   << "nfs4" << true;
    QTest::newRow("cifs") << quint64(0xFF534D42) << QString() << "cifs" << true;
    QTest::newRow("smb2") << quint64(0xFE534D42) << QString() << "smb2" << true;
    QTest::newRow("old smbfs") << quint64(0x517B) << QString() << "smb" << true;
    QTest::newRow("9p (WSL, VMs)") << quint64(0x01021997) << QString() << "9p" << true;
    QTest::newRow("ceph") << quint64(0x00C36400) << QString() << "ceph" << true;
    QTest::newRow("sshfs") << quint64(0x65735546) << "fuse.sshfs"
                           << "fuse.sshfs" << true;
    QTest::newRow("rclone") << quint64(0x65735546) << "fuse.rclone"
                            << "fuse.rclone" << true;
    QTest::newRow("gvfs (smb, sftp)") << quint64(0x65735546) << "fuse.gvfsd-fuse"
                                      << "fuse.gvfsd-fuse" << true;
    QTest::newRow("ntfs-3g is local") << quint64(0x65735546) << "fuseblk.ntfs-3g"
                                      << "fuseblk.ntfs-3g" << false;
    QTest::newRow("fuse, type unknown") << quint64(0x65735546) << QString() << "fuse" << false;
    QTest::newRow("type name only") << quint64(0) << "cifs"
                                    << "cifs" << true;
    QTest::newRow("unknown") << quint64(0x12345678) << QString() << QString() << false;
}

void TestLibraryAccess::classifies()
{
    QFETCH(quint64, magic);
    QFETCH(QString, mountType);
    QFETCH(QString, type);
    QFETCH(bool, network);
    const FileSystemInfo info = LibraryAccess::classify(magic, mountType);
    QCOMPARE(info.type, type);
    QCOMPARE(info.network, network);
}

void TestLibraryAccess::testTypeStandsIn()
{
    QVERIFY(!LibraryAccess::probe(m_paths.root()).fileSystem.network);
    qputenv("TROVE_TEST_FSTYPE", "fuse.sshfs");
    const LibraryAccess access = LibraryAccess::probe(m_paths.root());
    QVERIFY(access.fileSystem.network);
    QCOMPARE(access.fileSystem.type, QStringLiteral("fuse.sshfs"));
    QVERIFY(access.networkWarning(m_paths.root()).contains(QLatin1String("network drive")));
}

void TestLibraryAccess::networkLibraryKeepsARollbackJournal()
{
    qputenv("TROVE_TEST_FSTYPE", "nfs");
    Connection c;
    QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
    QCOMPARE(journalMode(c), QStringLiteral("delete"));
    c.close();
    QVERIFY(!QFileInfo::exists(m_paths.catalogFile() + QStringLiteral("-shm")));
}

void TestLibraryAccess::localLibraryKeepsWal()
{
    {
        qputenv("TROVE_TEST_FSTYPE", "nfs");
        Connection c;
        QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
    }
    // Back on a local disk, the same library returns to WAL.
    qunsetenv("TROVE_TEST_FSTYPE");
    Connection c;
    QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
    QCOMPARE(journalMode(c), QStringLiteral("wal"));
}

void TestLibraryAccess::readOnlyMountOpensForReadersOnly()
{
    {
        Connection c;
        QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
        QVERIFY_OK(c.exec(QStringLiteral("INSERT INTO removed_hashes VALUES ('ab', 'x', 1)")));
    }
    if (const QString why = mountReadOnly(m_paths.root()); !why.isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot mount read-only here: ") + why));
    const auto undo = qScopeGuard([&] { unmount(m_paths.root()); });

    const LibraryAccess access = LibraryAccess::probe(m_paths.root());
    QVERIFY(!access.writable);
    QVERIFY(access.readOnlyReason.contains(QLatin1String("read-only")));

    Connection writer;
    auto refused = writer.open(m_paths, Connection::Kind::Catalog);
    QVERIFY(!refused);
    QCOMPARE(refused.errorKind(), Error::Kind::ReadOnly);
    QVERIFY2(refused.error().contains(QLatin1String("is read-only")), qPrintable(refused.error()));

    // No thumbs database on the media (a new library's file is made empty,
    // and private, before SQLite first opens it): thumbnails live in memory.
    CatalogReader reader;
    QVERIFY_OK(reader.open(m_paths));
    QVERIFY(reader.catalog().isReadOnly());
    QSqlQuery q = reader.catalog().query(QStringLiteral("SELECT name FROM removed_hashes"));
    QVERIFY_OK(execQuery(q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("x"));
    QVERIFY_OK(reader.stats());
    QCOMPARE(QFileInfo(m_paths.thumbsFile()).size(), 0);
}

void TestLibraryAccess::damagedThumbsStartAfresh()
{
    {
        Connection c;
        QVERIFY_OK(c.open(m_paths, Connection::Kind::Thumbs));
    }
    QVERIFY(writeFile(m_paths.thumbsFile(), QByteArray(8192, 'x')));
    Connection c;
    QVERIFY_OK(c.open(m_paths, Connection::Kind::Thumbs));
    QSqlQuery q = c.query(QStringLiteral("SELECT count(*) FROM thumbs"));
    QVERIFY_OK(execQuery(q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // The damaged one is kept beside it.
    const QStringList aside
        = QDir(m_paths.root())
              .entryList({ QStringLiteral("thumbs.sqlite.damaged-*") }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(readFile(m_paths.root() + QLatin1Char('/') + aside.first()), QByteArray(8192, 'x'));
}

void TestLibraryAccess::damagedCatalogSaysSo()
{
    QVERIFY(QDir().mkpath(m_paths.root()));
    QVERIFY(writeFile(m_paths.catalogFile(), QByteArray(8192, 'x')));
    Connection c;
    auto r = c.open(m_paths, Connection::Kind::Catalog);
    QVERIFY(!r);
    QCOMPARE(r.errorKind(), Error::Kind::Damaged);
    QVERIFY(!c.isOpen());
    // Never moved: the catalog is the person's to repair.
    QCOMPARE(readFile(m_paths.catalogFile()), QByteArray(8192, 'x'));
}

TROVE_TEST_MAIN_WITH_MOUNTS(TestLibraryAccess, QCoreApplication)

#include "tst_libraryaccess.moc"
