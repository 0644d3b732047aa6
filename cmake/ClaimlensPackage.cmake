# The Debian package, built by CPack: `cmake --build build --target package` or packaging/deb.sh.
# What it installs is declared by the install() rules in app/CMakeLists.txt.
include(GNUInstallDirs)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME claimlens)
set(CPACK_PACKAGE_VENDOR "The Claimlens maintainers")
set(CPACK_PACKAGE_CONTACT "The Claimlens maintainers <maintainers@claimlens.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "explorer for claims and figures in news about China's AI industry")
set(CPACK_PACKAGE_DESCRIPTION "Claimlens reads the news articles an analyst collects (pasted page text,
saved web pages, PDFs) into a local SQLite database and finds the companies,
countries and people named, the statistics reported, dated events and claims.
The window lets the analyst click through the documents, filter by company,
follow claims on a timeline, compare figures in charts and export them as
images; claimlens-cli does the same from a terminal.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/claimlens/claimlens")
set(CPACK_PACKAGE_INSTALL_DIRECTORY claimlens)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # dpkg-shlibdeps declares the shared libraries' packages
# Qt finds its platform plugins at run time, so no library names their package.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
# Debian wants the copyright and a changelog in the package's documentation folder.
set(claimlens_doc ${CMAKE_BINARY_DIR}/debian-doc)
file(MAKE_DIRECTORY ${claimlens_doc})
configure_file(${PROJECT_SOURCE_DIR}/packaging/linux/copyright ${claimlens_doc}/copyright COPYONLY)
configure_file(${PROJECT_SOURCE_DIR}/packaging/linux/changelog.in ${claimlens_doc}/changelog @ONLY)
execute_process(COMMAND gzip -9nf ${claimlens_doc}/changelog)
install(FILES ${claimlens_doc}/copyright ${claimlens_doc}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/claimlens)
include(CPack)
