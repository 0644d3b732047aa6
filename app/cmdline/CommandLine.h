#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace claimlens::cmdline {

/// What a value on the command line is, so help, the man page and shell completion treat it alike.
enum class ValueKind {
    None,   ///< a flag: no value
    Text,   ///< free text (a name, a date, a number)
    File,   ///< a file path
    Path,   ///< a file or folder path
    Choice  ///< one of `choices`
};

/// One option, e.g. `--batch N`.
struct Option {
    QString name;              ///< "--batch"
    QString shortName;         ///< "-h", or empty
    QString valueName;         ///< "N" (empty for a flag)
    QString help;
    ValueKind kind = ValueKind::None;
    QStringList choices;       ///< for ValueKind::Choice
    bool takesValue() const { return kind != ValueKind::None; }
};

/// The words after a command, e.g. `PATH...`.
struct Operand {
    QString name;              ///< "PATH"
    ValueKind kind = ValueKind::Text;
    QStringList choices;
    bool repeated = false;     ///< PATH...
    bool optional = false;     ///< [QUERY]
};

/// One command of a program with commands (`claimlens-cli ingest`).
struct Command {
    QString name;
    std::vector<Operand> operands;
    std::vector<Option> options;
    QString help;
};

/// A program's whole command line, declared once: parsing checks against it, and the usage text,
/// the man page and the bash completion are written from it, so none of them can go stale.
struct Program {
    QString name;                  ///< "claimlens-cli"
    QString summary;               ///< one line, for the man page's NAME
    QString description;           ///< paragraphs separated by blank lines
    std::vector<Operand> operands; ///< for a program without commands
    std::vector<Command> commands;
    std::vector<Option> options;   ///< options of every command
    QStringList exitStatus;        ///< "0  ok", ...
    QStringList environment;       ///< "NAME  what it does"
    QStringList files;             ///< "PATH  what it holds"
    QStringList examples;          ///< command lines
    QStringList seeAlso;           ///< "claimlens(1)"

    const Command* command(const QString& name) const;
    /// The option named `name` (long or short) among the program's and `command`'s options.
    const Option* option(const QString& name, const Command* command) const;
};

/// The synopsis of a command: `ingest [--batch N] [--quiet] PATH...`.
QString synopsis(const Command& command);
/// The whole --help text.
QString usageText(const Program& program);
/// `PROGRAM COMMAND --help`: the command's synopsis, what it does and its options.
QString commandUsageText(const Program& program, const Command& command);
/// A man page in roff (man(7)), section 1.
QString manPage(const Program& program, const QString& version, const QString& date);
/// A bash completion script for the program (`complete -F`).
QString bashCompletion(const Program& program);

/// Checks `args` (the words after the command) against the command's declared options: returns
/// an empty string when every option is known and every option that takes a value has one, else
/// the problem in words.
QString checkOptions(const Program& program, const Command& command, const QStringList& args);

}  // namespace claimlens::cmdline
