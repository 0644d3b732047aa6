#include "CommandLine.h"

#include <QRegularExpression>
#include <QSet>

namespace claimlens::cmdline {
namespace {

constexpr int kWidth = 100;
constexpr int kHelpColumn = 33;

/// `text` broken into lines of at most `width` characters at spaces.
QStringList wrapped(const QString& text, int width)
{
    QStringList lines;
    QString line;
    for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

/// "  label            help that wraps\n                    under itself\n"
QString helpRow(const QString& label, const QString& help, int indent)
{
    QString out = QString(indent, u' ') + label;
    const QStringList lines = wrapped(help, kWidth - kHelpColumn);
    if (out.size() >= kHelpColumn - 1 || lines.isEmpty())
        out += u'\n';
    else
        out += QString(kHelpColumn - out.size(), u' ');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0 || out.endsWith(u'\n'))
            out += QString(kHelpColumn, u' ');
        out += lines[i] + u'\n';
    }
    return out;
}

QString optionLabel(const Option& o)
{
    QString label = o.shortName.isEmpty() ? o.name : o.shortName + QStringLiteral(", ") + o.name;
    if (o.takesValue())
        label += u' ' + o.valueName;
    return label;
}

QString operandLabel(const Operand& operand)
{
    // a few choices are shown as they are (json|csv); a longer list is named and described
    QString label = operand.kind == ValueKind::Choice && operand.choices.size() <= 3 ? operand.choices.join(u'|')
                                                                                     : operand.name;
    if (operand.repeated)
        label += QStringLiteral("...");
    return operand.optional ? u'[' + label + u']' : label;
}

QString operandsLabel(const std::vector<Operand>& operands)
{
    QStringList parts;
    for (const Operand& operand : operands)
        parts << operandLabel(operand);
    return parts.join(u' ');
}

/// The paragraphs of a description, blank lines apart.
QStringList paragraphs(const QString& text)
{
    return text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
}

/// "NAME  text" rows as declared for exit codes, environment and files: the first run of two
/// spaces divides the name from its text.
std::pair<QString, QString> splitRow(const QString& row)
{
    const qsizetype at = row.indexOf(QStringLiteral("  "));
    if (at < 0)
        return {row, {}};
    return {row.left(at), row.mid(at).trimmed()};
}

/// Text for roff: backslashes escaped, a hyphen that starts a word (an option's) a minus sign, and
/// a line never starting with a control character.
QString roff(QString text)
{
    text.replace(u'\\', QStringLiteral("\\e"));
    static const QRegularExpression optionHyphen(QStringLiteral("(?<![\\w])-"));
    text.replace(optionHyphen, QStringLiteral("\\-"));
    if (text.startsWith(u'.') || text.startsWith(u'\''))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

QString roffOption(const Option& o)
{
    // every hyphen of an option's name a minus sign, so the name copies and searches as typed
    auto name = [](QString n) { return n.replace(u'-', QStringLiteral("\\-")); };
    QString out = QStringLiteral(".TP\n\\fB%1\\fR").arg(name(o.name));
    if (!o.shortName.isEmpty())
        out = QStringLiteral(".TP\n\\fB%1\\fR, \\fB%2\\fR").arg(name(o.shortName), name(o.name));
    if (o.takesValue())
        out += QStringLiteral(" \\fI%1\\fR").arg(roff(o.valueName));
    return out + u'\n' + roff(o.help) + u'\n';
}

QString quotedWords(const QStringList& words)
{
    return u'"' + words.join(u' ') + u'"';
}

/// The words bash completes for a value of this kind, as a compgen call.
QString completionFor(ValueKind kind, const QStringList& choices)
{
    switch (kind) {
    case ValueKind::File:
    case ValueKind::Path:
        return QStringLiteral("COMPREPLY=($(compgen -f -- \"$cur\"))");
    case ValueKind::Choice:
        return QStringLiteral("COMPREPLY=($(compgen -W %1 -- \"$cur\"))").arg(quotedWords(choices));
    case ValueKind::Text:  // free text, with the usual words offered where there are some
        if (!choices.isEmpty())
            return QStringLiteral("COMPREPLY=($(compgen -W %1 -- \"$cur\"))").arg(quotedWords(choices));
        break;
    case ValueKind::None:
        break;
    }
    return QStringLiteral("COMPREPLY=()");
}

}  // namespace

const Command* Program::command(const QString& commandName) const
{
    for (const Command& c : commands)
        if (c.name == commandName)
            return &c;
    return nullptr;
}

const Option* Program::option(const QString& optionName, const Command* cmd) const
{
    auto find = [&](const std::vector<Option>& in) -> const Option* {
        for (const Option& o : in)
            if (o.name == optionName || (!o.shortName.isEmpty() && o.shortName == optionName))
                return &o;
        return nullptr;
    };
    if (const Option* o = find(options))
        return o;
    return cmd ? find(cmd->options) : nullptr;
}

QString synopsis(const Command& command)
{
    QStringList parts{command.name};
    for (const Option& o : command.options)
        parts << u'[' + o.name + (o.takesValue() ? u' ' + o.valueName : QString()) + u']';
    if (!command.operands.empty())
        parts << operandsLabel(command.operands);
    return parts.join(u' ');
}

QString usageText(const Program& program)
{
    QString out;
    if (program.commands.empty())
        out += QStringLiteral("usage: %1 [OPTIONS] %2\n\n").arg(program.name, operandsLabel(program.operands));
    else
        out += QStringLiteral("usage: %1 [OPTIONS] COMMAND [ARGUMENTS]\n\n").arg(program.name);
    for (const QString& p : paragraphs(program.description))
        out += wrapped(p, kWidth).join(u'\n') + QStringLiteral("\n\n");
    if (!program.commands.empty()) {
        out += QStringLiteral("Commands:\n");
        for (const Command& c : program.commands) {
            out += helpRow(c.name + (c.operands.empty() ? QString() : u' ' + operandsLabel(c.operands)), c.help, 2);
            for (const Option& o : c.options)
                out += helpRow(optionLabel(o), o.help, 6);
        }
        out += u'\n';
    }
    out += QStringLiteral("Options:\n");
    for (const Option& o : program.options)
        out += helpRow(optionLabel(o), o.help, 2);
    if (!program.exitStatus.isEmpty()) {
        QStringList codes;
        for (const QString& row : program.exitStatus) {
            const auto [code, meaning] = splitRow(row);
            codes << code + u' ' + meaning;
        }
        out += QStringLiteral("\nExit codes: %1.\n").arg(codes.join(QStringLiteral(", ")));
    }
    if (!program.commands.empty())
        out += QStringLiteral("\n'%1 COMMAND --help' describes one command.\n").arg(program.name);
    return out;
}

QString commandUsageText(const Program& program, const Command& command)
{
    const QString usage = QStringLiteral("usage: %1 [OPTIONS] %2").arg(program.name, synopsis(command));
    QString out = wrapped(usage, kWidth).join(QStringLiteral("\n") + QString(8, u' ')) + QStringLiteral("\n\n");
    out += wrapped(command.help, kWidth).join(u'\n') + u'\n';
    if (!command.options.empty()) {
        out += QStringLiteral("\nOptions:\n");
        for (const Option& o : command.options)
            out += helpRow(optionLabel(o), o.help, 2);
    }
    return out;
}

QString manPage(const Program& program, const QString& version, const QString& date)
{
    QString out;
    out += QStringLiteral(".\\\" Written by %1's build from its declared command line; do not edit.\n").arg(program.name);
    out += QStringLiteral(".TH %1 1 \"%2\" \"Claimlens %3\" \"User Commands\"\n").arg(program.name.toUpper(), date, version);
    out += QStringLiteral(".SH NAME\n%1 \\- %2\n").arg(roff(program.name), roff(program.summary));
    out += QStringLiteral(".SH SYNOPSIS\n.B %1\n").arg(roff(program.name));
    if (program.commands.empty())
        out += QStringLiteral("[\\fIOPTIONS\\fR] %1\n").arg(roff(operandsLabel(program.operands)));
    else
        out += QStringLiteral("[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]\n");
    out += QStringLiteral(".SH DESCRIPTION\n");
    const QStringList ps = paragraphs(program.description);
    for (qsizetype i = 0; i < ps.size(); ++i)
        out += (i ? QStringLiteral(".PP\n") : QString()) + roff(ps[i]) + u'\n';
    if (!program.commands.empty()) {
        out += QStringLiteral(".SH COMMANDS\n");
        for (const Command& c : program.commands) {
            out += QStringLiteral(".TP\n\\fB%1\\fR").arg(roff(c.name));
            if (!c.operands.empty())
                out += QStringLiteral(" \\fI%1\\fR").arg(roff(operandsLabel(c.operands)));
            out += u'\n' + roff(c.help) + u'\n';
            if (!c.options.empty()) {
                out += QStringLiteral(".RS\n");
                for (const Option& o : c.options)
                    out += roffOption(o);
                out += QStringLiteral(".RE\n");
            }
        }
    }
    out += QStringLiteral(".SH OPTIONS\n");
    for (const Option& o : program.options)
        out += roffOption(o);
    auto rows = [&](const char* heading, const QStringList& list, bool bold) {
        if (list.isEmpty())
            return;
        out += QStringLiteral(".SH %1\n").arg(QLatin1String(heading));
        for (const QString& row : list) {
            const auto [name, text] = splitRow(row);
            out += QStringLiteral(".TP\n%1%2\\fR\n%3\n").arg(bold ? QStringLiteral("\\fB") : QStringLiteral("\\fI"),
                                                             roff(name), roff(text));
        }
    };
    rows("EXIT STATUS", program.exitStatus, true);
    rows("ENVIRONMENT", program.environment, true);
    rows("FILES", program.files, false);
    if (!program.examples.isEmpty()) {
        out += QStringLiteral(".SH EXAMPLES\n");
        for (const QString& e : program.examples)
            out += QStringLiteral(".PP\n.nf\n%1\n.fi\n").arg(roff(e));
    }
    if (!program.seeAlso.isEmpty()) {
        QStringList refs;
        for (const QString& s : program.seeAlso) {
            const qsizetype paren = s.indexOf(u'(');
            refs << QStringLiteral("\\fB%1\\fR%2").arg(roff(s.left(paren)), s.mid(paren));
        }
        out += QStringLiteral(".SH SEE ALSO\n%1\n").arg(refs.join(QStringLiteral(", ")));
    }
    return out;
}

QString bashCompletion(const Program& program)
{
    QString function = u'_' + QString(program.name).replace(u'-', u'_');
    QStringList commandNames;
    for (const Command& c : program.commands)
        commandNames << c.name;

    // Every option that takes a value, with what completes it (an option name means the same
    // thing in every command that has it).
    QStringList valueOptions;
    QString valueCases;
    QSet<QString> seen;
    auto addValueOption = [&](const Option& o) {
        if (!o.takesValue() || seen.contains(o.name))
            return;
        seen.insert(o.name);
        valueOptions << o.name;
        valueCases += QStringLiteral("        %1) %2; return ;;\n").arg(o.name, completionFor(o.kind, o.choices));
    };
    QStringList globalOptions;
    for (const Option& o : program.options) {
        addValueOption(o);
        globalOptions << o.name;
    }

    QString commandCases;
    for (const Command& c : program.commands) {
        QStringList names = globalOptions;
        for (const Option& o : c.options) {
            addValueOption(o);
            names << o.name;
        }
        QString operandCases;
        for (size_t i = 0; i < c.operands.size(); ++i) {
            const Operand& operand = c.operands[i];
            const bool last = i + 1 == c.operands.size();
            operandCases += QStringLiteral("                %1) %2 ;;\n")
                                .arg(last && operand.repeated ? QStringLiteral("*") : QString::number(i),
                                     completionFor(operand.kind, operand.choices));
        }
        commandCases += QStringLiteral("        %1)\n"
                                       "            if [[ $cur == -* ]]; then\n"
                                       "                COMPREPLY=($(compgen -W %2 -- \"$cur\"))\n"
                                       "                return\n"
                                       "            fi\n"
                                       "            case $operand in\n%3"
                                       "            esac ;;\n")
                            .arg(c.name, quotedWords(names), operandCases);
    }

    return QStringLiteral(
               "# bash completion for %1, written by its build from its declared command line\n"
               "%2()\n"
               "{\n"
               "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
               "    local command=\"\" operand=0 i\n"
               "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
               "        case ${COMP_WORDS[i]} in\n"
               "            %3) ((i++)) ;;\n"
               "            -*) ;;\n"
               "            *) if [[ -z $command ]]; then command=${COMP_WORDS[i]}; else ((operand++)); fi ;;\n"
               "        esac\n"
               "    done\n"
               "    case $prev in\n"
               "%4"
               "    esac\n"
               "    case $command in\n"
               "        \"\")\n"
               "            if [[ $cur == -* ]]; then\n"
               "                COMPREPLY=($(compgen -W %5 -- \"$cur\"))\n"
               "            else\n"
               "                COMPREPLY=($(compgen -W %6 -- \"$cur\"))\n"
               "            fi ;;\n"
               "%7"
               "    esac\n"
               "}\n"
               "complete -o filenames -F %2 %1\n")
        .arg(program.name, function, valueOptions.join(u'|'), valueCases, quotedWords(globalOptions),
             quotedWords(commandNames), commandCases);
}

QString checkOptions(const Program& program, const Command& command, const QStringList& args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (!a.startsWith(QStringLiteral("--")) || a == QStringLiteral("--"))
            continue;
        const Option* o = program.option(a, &command);
        if (!o)
            return QStringLiteral("unknown option '%1' for %2 (it takes: %3)")
                .arg(a, command.name, command.options.empty() ? QStringLiteral("no options") : [&] {
                    QStringList names;
                    for (const Option& known : command.options)
                        names << known.name;
                    return names.join(QStringLiteral(", "));
                }());
        if (o->takesValue()) {
            if (i + 1 >= args.size())
                return QStringLiteral("%1 needs %2").arg(a, o->valueName);
            if (o->kind == ValueKind::Choice && !o->choices.contains(args[i + 1]))
                return QStringLiteral("%1 takes %2 (not '%3')").arg(a, o->choices.join(u'|'), args[i + 1]);
            ++i;
        }
    }
    return {};
}

}  // namespace claimlens::cmdline
