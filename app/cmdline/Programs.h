#pragma once

#include "CommandLine.h"

namespace claimlens::cmdline {

/// claimlens-cli's commands and options: the one declaration its parser, --help, man page and
/// bash completion are written from.
const Program& cliProgram();
/// The window's command line (claimlens).
const Program& guiProgram();

/// Files the window treats as a database rather than an article to import.
bool isDatabaseFile(const QString& path);

}  // namespace claimlens::cmdline
