#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace claimlens::test {

/// Our gold articles (tests/data/articles/*.txt, not their README), as the import takes them.
QStringList goldArticleFiles();

/// The files of a gold.json whose analyst read `company` in them, by name or through a product.
QSet<QString> goldFilesNaming(const QString& goldPath, const QString& company);

}  // namespace claimlens::test
