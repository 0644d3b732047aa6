#pragma once

#include <QString>
#include <QStringList>

namespace claimlens::csv {

/// One CSV field as RFC 4180 writes it: as it is unless it holds a comma, a quote or a line
/// break (\n or \r), else in double quotes with its quotes doubled. The one quoting rule of the
/// document export and the chart export.
inline QString field(const QString& value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

/// The fields of one row, each quoted as `field` does, joined by commas (no line end).
inline QString row(const QStringList& values)
{
    QStringList quoted;
    quoted.reserve(values.size());
    for (const QString& v : values)
        quoted.append(field(v));
    return quoted.join(u',');
}

}  // namespace claimlens::csv
