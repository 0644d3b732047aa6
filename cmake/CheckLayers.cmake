# Checks the layering rules a compiler cannot see (run by ctest as `layering`; SOURCE_DIR is the
# project's root). The include roots already make a wrong include between core's libraries a
# compile error; what is left is what the system include path lets through:
# - <sqlite3.h> is the store's own: only core/storage/store/ includes it;
# - core has no QObject (no Q_OBJECT, no Q_GADGET, no signals).
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/core/*.cpp"
     "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp")
set(broken "")
foreach(source IN LISTS sources)
  file(STRINGS "${SOURCE_DIR}/${source}" lines REGEX "#include <sqlite3\\.h>|Q_OBJECT|Q_GADGET|Q_SIGNALS")
  foreach(line IN LISTS lines)
    if(line MATCHES "sqlite3\\.h" AND NOT source MATCHES "^core/storage/store/")
      list(APPEND broken "${source}: includes <sqlite3.h>, which only the store (core/storage/store) may")
    elseif(line MATCHES "Q_OBJECT|Q_GADGET|Q_SIGNALS" AND source MATCHES "^core/")
      list(APPEND broken "${source}: a QObject in core (${line})")
    endif()
  endforeach()
endforeach()
if(broken)
  list(JOIN broken "\n" message)
  message(FATAL_ERROR "Layering broken:\n${message}")
endif()
list(LENGTH sources count)
message(STATUS "Layering holds over ${count} files")
