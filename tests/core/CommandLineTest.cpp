// The programs' command lines as declared once: the CLI's parser accepts exactly what is declared,
// --help and the man pages list it, and the bash completion written from it completes it.
#include "TestSupport.h"

#include "cmdline/Programs.h"

#include <QFile>
#include <QProcess>
#include <QThread>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::cmdline;

namespace {

struct ProcessRun {
    int code;
    QString out;
    QString err;
};

ProcessRun run(const QString& program, const QStringList& args, const QString& db = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!db.isEmpty())
        env.insert(QStringLiteral("CLAIMLENS_DB"), db);
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

/// What bash's completion offers for the words typed so far (the last one being completed).
QStringList complete(const QStringList& words)
{
    QStringList quoted;
    for (const QString& w : words)
        quoted << u'\'' + w + u'\'';
    const QString script = QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _claimlens_cli; "
                                          "printf '%s\\n' \"${COMPREPLY[@]}\"")
                               .arg(QStringLiteral(CLAIMLENS_COMPLETION), quoted.join(u' '))
                               .arg(words.size() - 1);
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("-c"), script});
    bash.waitForFinished(10000);
    EXPECT_EQ(bash.exitCode(), 0) << bash.readAllStandardError().constData();
    return QString::fromUtf8(bash.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

}  // namespace

TEST(CommandLine, EveryDeclaredOptionIsAcceptedAndAnUndeclaredOneIsRefused)
{
    test::Workspace ws;
    const QString db = ws.database();
    for (const Command& c : cliProgram().commands) {
        for (const Option& o : c.options) {
            QStringList args{c.name, o.name};
            if (o.takesValue())
                args << (o.kind == ValueKind::Choice ? o.choices.first() : QStringLiteral("1"));
            const ProcessRun r = run(QStringLiteral(CLAIMLENS_CLI), args, db);
            EXPECT_FALSE(r.err.contains(QStringLiteral("unknown option"))) << qPrintable(args.join(u' ') + u'\n' + r.err);
        }
        const ProcessRun r = run(QStringLiteral(CLAIMLENS_CLI), {c.name, QStringLiteral("--no-such-option")}, db);
        EXPECT_EQ(r.code, 2) << qPrintable(c.name);
        EXPECT_TRUE(r.err.contains(QStringLiteral("unknown option '--no-such-option' for %1").arg(c.name)))
            << qPrintable(r.err);
    }
}

TEST(CommandLine, HelpListsWhatIsDeclaredAndEachCommandHasItsOwn)
{
    const ProcessRun all = run(QStringLiteral(CLAIMLENS_CLI), {QStringLiteral("--help")});
    EXPECT_EQ(all.code, 0);
    for (const Command& c : cliProgram().commands) {
        EXPECT_TRUE(all.out.contains(QStringLiteral("\n  ") + c.name)) << qPrintable(c.name);
        for (const Option& o : c.options)
            EXPECT_TRUE(all.out.contains(o.name + (o.takesValue() ? u' ' + o.valueName : QString()))) << qPrintable(o.name);
        const ProcessRun one = run(QStringLiteral(CLAIMLENS_CLI), {c.name, QStringLiteral("--help")});
        EXPECT_EQ(one.code, 0);
        EXPECT_TRUE(one.out.startsWith(QStringLiteral("usage: claimlens-cli [OPTIONS] ") + c.name)) << qPrintable(one.out);
    }
    // the file types ingest reads come from the reader's own list, so HTML and PDF are there
    EXPECT_TRUE(all.out.contains(QStringLiteral(".html"))) << qPrintable(all.out);
    EXPECT_TRUE(all.out.contains(QStringLiteral(".pdf")));

    const ProcessRun version = run(QStringLiteral(CLAIMLENS_CLI), {QStringLiteral("--version")});
    EXPECT_EQ(version.code, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("claimlens-cli ") + QStringLiteral(CLAIMLENS_VERSION)));

    const ProcessRun choice = run(QStringLiteral(CLAIMLENS_CLI), {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")});
    EXPECT_EQ(choice.code, 2);
    EXPECT_TRUE(choice.err.contains(QStringLiteral("--format takes json|csv (not 'xml')"))) << qPrintable(choice.err);
}

TEST(CommandLine, TheWindowAnswersHelpAndVersionWithoutADisplay)
{
    ProcessRun r = run(QStringLiteral(CLAIMLENS_GUI), {QStringLiteral("--help")});
    EXPECT_EQ(r.code, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("usage: claimlens [OPTIONS] [DATABASE] [FILE...]"))) << qPrintable(r.out);
    r = run(QStringLiteral(CLAIMLENS_GUI), {QStringLiteral("--version")});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out.trimmed(), QStringLiteral("claimlens ") + QStringLiteral(CLAIMLENS_VERSION));
    r = run(QStringLiteral(CLAIMLENS_GUI), {QStringLiteral("--frobnicate")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("unknown option '--frobnicate'")));
    r = run(QStringLiteral(CLAIMLENS_GUI), {QStringLiteral("article.html")});
    EXPECT_EQ(r.code, 2);  // no display here: said in one line
    EXPECT_TRUE(r.err.contains(QStringLiteral("no display"))) << qPrintable(r.err);
}

TEST(CommandLine, TheWindowImportsTheFilesItIsOpenedWith)
{
    // what a file manager does with the desktop entry's "claimlens %F"
    test::Workspace ws;
    const QString db = ws.path(QStringLiteral("opened.sqlite"));
    const QString article = ws.write(QStringLiteral("Downloads/kling.txt"),
                                     "Kling Goes Global\n\nKuaishou opened its Kling video model to users abroad on "
                                     "Monday. It drew long queues.\n");
    QProcess window;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), ws.path(QStringLiteral("home")));  // its settings, not the user's
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), ws.path(QStringLiteral("home/.config")));
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(CLAIMLENS_GUI), {db, article});
    ASSERT_TRUE(window.waitForStarted(10000));
    bool imported = false;
    for (int i = 0; i < 100 && !imported; ++i) {
        QThread::msleep(200);
        imported = run(QStringLiteral(CLAIMLENS_CLI), {QStringLiteral("--db"), db, QStringLiteral("list"),
                                                       QStringLiteral("documents")})
                       .out.contains(QStringLiteral("kling.txt"));
    }
    EXPECT_TRUE(imported) << "the file given on the command line is imported into the database given";
    EXPECT_EQ(window.state(), QProcess::Running);
    window.kill();
    window.waitForFinished(10000);
}

TEST(CommandLine, ManPagesHoldEveryCommandAndOption)
{
    const QString page = manPage(cliProgram(), QStringLiteral("9.9"), QStringLiteral("2026-01-02"));
    EXPECT_TRUE(page.contains(QStringLiteral(".TH CLAIMLENS-CLI 1 \"2026-01-02\" \"Claimlens 9.9\"")));
    for (const Command& c : cliProgram().commands) {
        EXPECT_TRUE(page.contains(QStringLiteral(".TP\n\\fB%1\\fR").arg(c.name))) << qPrintable(c.name);
        for (const Option& o : c.options)  // options in roff: minus signs, not hyphens
            EXPECT_TRUE(page.contains(QStringLiteral("\\fB%1\\fR").arg(QString(o.name).replace(u'-', QStringLiteral("\\-")))))
                << qPrintable(o.name);
    }
    EXPECT_TRUE(page.contains(QStringLiteral(".SH EXIT STATUS")));
    EXPECT_TRUE(page.contains(QStringLiteral("CLAIMLENS_DB")));
    const QString gui = manPage(guiProgram(), QStringLiteral("9.9"), QStringLiteral("2026-01-02"));
    EXPECT_TRUE(gui.contains(QStringLiteral("claimlens \\- explore")));
    EXPECT_TRUE(gui.contains(QStringLiteral("\\fBclaimlens-cli\\fR(1)")));
}

TEST(CommandLine, BashCompletesCommandsOptionsAndValues)
{
    ASSERT_TRUE(QFile::exists(QStringLiteral(CLAIMLENS_COMPLETION)));
    EXPECT_EQ(complete({QStringLiteral("claimlens-cli"), QStringLiteral("re")}),
              (QStringList{QStringLiteral("review"), QStringLiteral("reextract")}));
    EXPECT_EQ(complete({QStringLiteral("claimlens-cli"), QStringLiteral("--db"), QStringLiteral("x.sqlite"), QStringLiteral("ex")}),
              (QStringList{QStringLiteral("export"), QStringLiteral("extract")}));
    EXPECT_EQ(complete({QStringLiteral("claimlens-cli"), QStringLiteral("export"), QStringLiteral("--format"), QString()}),
              (QStringList{QStringLiteral("json"), QStringLiteral("csv")}));
    EXPECT_EQ(complete({QStringLiteral("claimlens-cli"), QStringLiteral("list"), QStringLiteral("st")}),
              QStringList{QStringLiteral("statistics")});
    EXPECT_EQ(complete({QStringLiteral("claimlens-cli"), QStringLiteral("ingest"), QStringLiteral("--b")}),
              QStringList{QStringLiteral("--batch")});
    EXPECT_EQ(complete({QStringLiteral("claimlens-cli"), QStringLiteral("chart"), QStringLiteral("claims-per-")}),
              (QStringList{QStringLiteral("claims-per-year"), QStringLiteral("claims-per-month")}));
    // a free-text value (a company's name) offers nothing rather than the command's options
    EXPECT_TRUE(complete({QStringLiteral("claimlens-cli"), QStringLiteral("list"), QStringLiteral("--company"), QString()}).isEmpty());
}
