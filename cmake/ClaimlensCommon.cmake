# One interface target carries the language standard, warnings and sanitizer flags; every project
# target links it instead of setting global flags.
add_library(claimlens_common INTERFACE)
add_library(Claimlens::common ALIAS claimlens_common)
target_compile_features(claimlens_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(claimlens_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                  -Wold-style-cast -Wcast-align -Woverloaded-virtual)
# Qt's strict modes, for every target: no signals/slots/emit keywords, no silent conversion
# between QString and 8-bit text in either direction, no Q_FOREACH, no narrowing in connect.
target_compile_definitions(claimlens_common INTERFACE QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                                      QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
                                                      QT_NO_FOREACH)
# Hardened as Debian builds its packages (lintian looks for it in the .deb): checked buffer
# functions, a stack protector, and symbols bound and made read-only at start.
if(NOT CLAIMLENS_SANITIZE AND NOT CLAIMLENS_FUZZ)
  target_compile_definitions(claimlens_common INTERFACE $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
endif()
target_compile_options(claimlens_common INTERFACE -fstack-protector-strong)
target_link_options(claimlens_common INTERFACE -Wl,-z,relro -Wl,-z,now)
if(CLAIMLENS_WERROR)
  target_compile_options(claimlens_common INTERFACE -Werror)
endif()
if(CLAIMLENS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CLAIMLENS_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(claimlens_common INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(claimlens_common INTERFACE -fsanitize=address,undefined)
endif()
if(CLAIMLENS_SANITIZE)
  # Every report stops the program (UBSan would otherwise print and go on): a test that meets
  # undefined behaviour fails, whatever UBSAN_OPTIONS says.
  target_compile_options(claimlens_common INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                                                    -fno-omit-frame-pointer)
  target_link_options(claimlens_common INTERFACE -fsanitize=address,undefined)
endif()
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
