// SPDX-License-Identifier: MIT
#include "cli.h"

#include "commands.h"
#include "storage/libraryaccess.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace trove::cli {

namespace {

const Command *findCommand(const QString &word)
{
    for (const Command &c : commands()) {
        if (word == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

// The first argument that is neither an option nor an option's value.
// Options Qt's QGuiApplication and its X11/Wayland platforms take with a
// value in the next argument (`trove -platform offscreen`,
// `trove -geometry 1400x900`): the value is not a command.
bool takesQtValue(const QString &option)
{
    static const QStringList withValue {
        QStringLiteral("platform"),
        QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"),
        QStringLiteral("plugin"),
        QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"),
        QStringLiteral("qwindowtitle"),
        QStringLiteral("session"),
        QStringLiteral("style"),
        QStringLiteral("stylesheet"),
        QStringLiteral("display"),
        QStringLiteral("geometry"),
        QStringLiteral("title"),
        QStringLiteral("name"),
        QStringLiteral("icon"),
    };
    QString name = option;
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return !name.contains(QLatin1Char('=')) && withValue.contains(name);
}

int commandIndex(const QStringList &args)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--library") || takesQtValue(a)) {
            ++i;
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return i;
    }
    return -1;
}

void printUsage(QTextStream &s)
{
    s << "Usage: trove [--library DIR] [FILE...]          open the window\n"
         "       trove [--library DIR] COMMAND [ARGS...]  run a command\n\n"
         "Commands:\n";
    for (const Command &c : commands())
        s << QStringLiteral("  %1 %2\n      %3\n")
                 .arg(QLatin1String(c.name), QLatin1String(c.arguments),
                     QCoreApplication::translate("trove::cli", c.summary));
    s << QStringLiteral("  help [COMMAND]\n      %1\n")
             .arg(QCoreApplication::translate(
                 "trove::cli", "Show what a command takes, as COMMAND --help does."));
    s << "\nEvery command takes --library DIR (default: $TROVE_LIBRARY, else the per-user data "
         "folder)\n"
         "and --json for machine-readable output. Exit status: 0 success, 1 an item failed, 2 bad "
         "usage.\n";
}

} // namespace

QStringList commandNames()
{
    QStringList names;
    for (const Command &c : commands())
        names << QLatin1String(c.name);
    return names;
}

bool isCliInvocation(const QStringList &args)
{
    for (const QString &a : args) {
        if (a == QLatin1String("--help") || a == QLatin1String("-h")
            || a == QLatin1String("--version") || a == QLatin1String("-v"))
            return true;
    }
    const int i = commandIndex(args);
    if (i < 0)
        return false;
    if (findCommand(args[i]) || args[i] == QLatin1String("help"))
        return true;
    // The window takes files and URLs to import; a bare word that is
    // neither is a mistyped command, which the CLI reports (exit 2).
    const QString &word = args[i];
    return !QFileInfo::exists(word) && !word.contains(QLatin1Char('/'))
        && !word.contains(QLatin1Char(':'));
}

bool decodesImages(const QStringList &args)
{
    static const QStringList decoding { QStringLiteral("add"), QStringLiteral("resume"),
        QStringLiteral("serve"), QStringLiteral("verify"), QStringLiteral("rehash"),
        QStringLiteral("similar") };
    const int i = commandIndex(args);
    return i >= 0 && decoding.contains(args[i]);
}

int run(const QStringList &args)
{
    Output output;
    const int index = commandIndex(args);
    const Command *command = index >= 0 ? findCommand(args[index]) : nullptr;

    // `trove help COMMAND` is `trove COMMAND --help`; `trove help` the list.
    if (!command && index >= 0 && args[index] == QLatin1String("help")) {
        QStringList rest = args;
        rest.removeAt(index);
        const int topic = commandIndex(rest);
        if (topic < 0) {
            printUsage(output.out());
            return 0;
        }
        if (!findCommand(rest[topic])) {
            output.error(QStringLiteral("help: unknown command: %1").arg(rest[topic]));
            printUsage(output.err());
            return 2;
        }
        return run(rest << QStringLiteral("--help"));
    }

    if (!command) {
        if (args.contains(QLatin1String("--version")) || args.contains(QLatin1String("-v"))) {
            output.out() << "trove " << QCoreApplication::applicationVersion() << Qt::endl;
            return 0;
        }
        if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
            printUsage(output.out());
            return 0;
        }
        output.error(index >= 0 ? QStringLiteral("unknown command: %1").arg(args[index])
                                : QStringLiteral("no command given"));
        printUsage(output.err());
        return 2;
    }

    QStringList rest = args;
    rest.removeAt(index);
    rest.prepend(QStringLiteral("trove %1").arg(QLatin1String(command->name)));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(QCoreApplication::translate("trove::cli", command->summary));
    const QCommandLineOption libraryOption(
        QStringLiteral("library"), QStringLiteral("The library folder."), QStringLiteral("DIR"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption helpOption(
        { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    parser.addOption(libraryOption);
    parser.addOption(jsonOption);
    parser.addOption(helpOption);
    command->addOptions(parser);

    if (!parser.parse(rest)) {
        output.error(parser.errorText());
        output.err() << "usage: trove " << command->name << ' ' << command->arguments << Qt::endl;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        // QCommandLineParser's first line names the executable's path and
        // "[options]"; people type "trove <command>" and its arguments.
        QString help = parser.helpText();
        help.replace(0, help.indexOf(QLatin1Char('\n')),
            QStringLiteral("Usage: trove %1 %2")
                .arg(QLatin1String(command->name), QLatin1String(command->arguments))
                .trimmed());
        output.out() << help;
        return 0;
    }

    CommandContext ctx { parser, output, LibraryPaths::resolve(parser.value(libraryOption)),
        parser.isSet(jsonOption) };
    // Only adding (and serving, which adds) makes a library: any other
    // command on a folder without one is a typo or the wrong folder.
    static const QStringList kMakers { QStringLiteral("add"), QStringLiteral("serve"),
        QStringLiteral("api-key") };
    ctx.mayCreateLibrary = kMakers.contains(QLatin1String(command->name));
    // One line, before the command says anything: where SQLite's WAL is
    // unsafe, the library still opens, with a rollback journal.
    if (const LibraryAccess access = LibraryAccess::probe(ctx.paths.root());
        access.fileSystem.network)
        output.err() << "trove: warning: " << access.networkWarning(ctx.paths.root()) << Qt::endl;
    return command->run(ctx);
}

} // namespace trove::cli
