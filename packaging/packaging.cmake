# SPDX-License-Identifier: MIT
# Install rules and CPack configuration for Trove. Included at the end of the
# top-level CMakeLists.txt, after the `trove` target exists. Every install()
# of the project lives here.
#
# The version comes from project() alone: CPack, the AppStream release, the
# man page, the Debian changelog and Info.plist all read PROJECT_VERSION.
#
#   Linux:   cpack -G DEB, cpack -G TGZ      (built and tested here)
#   Windows: cpack -G NSIS, cpack -G WIX     (not built or tested here)
#   macOS:   cpack -G DragNDrop              (not built or tested here)
#
# See packaging/README.md.

include_guard(GLOBAL)

if(NOT TARGET trove)
    message(WARNING "packaging: no `trove` target yet; no install rules or packages")
    return()
endif()

set(TROVE_APP_ID "io.github.trove.Trove")
set(TROVE_PACKAGE_NAME "trove")
set(TROVE_MAINTAINER "The Trove developers <trove@example.invalid>")
set(TROVE_COPYRIGHT "Copyright 2026 The Trove developers")

set(_trove_pkg_src "${CMAKE_CURRENT_LIST_DIR}")
set(_trove_res_src "${PROJECT_SOURCE_DIR}/resources")
set(_trove_pkg_out "${PROJECT_BINARY_DIR}/packaging")
set(_trove_icon_svg "${_trove_res_src}/${TROVE_APP_ID}.svg")

if(WIN32 OR APPLE)
    option(TROVE_DEPLOY_QT
        "Run windeployqt/macdeployqt at install time (qt_generate_deploy_app_script); OFF: deploy by hand, see packaging/README.md"
        ON)
endif()

# --- render-icon: SVG -> PNG / ICO / ICNS at build time, with Qt only -------
add_executable(trove_render_icon "${_trove_pkg_src}/render-icon.cpp")
target_link_libraries(trove_render_icon PRIVATE Qt6::Svg Qt6::Gui trove_warnings)
set_target_properties(trove_render_icon PROPERTIES
    OUTPUT_NAME render-icon
    RUNTIME_OUTPUT_DIRECTORY "${_trove_pkg_out}"
    AUTOMOC OFF
    AUTOUIC OFF)
if(WIN32)
    # The helper runs during the build; give it its Qt DLLs.
    add_custom_command(TARGET trove_render_icon POST_BUILD
        COMMAND ${CMAKE_COMMAND} -E copy_if_different
            $<TARGET_RUNTIME_DLLS:trove_render_icon> $<TARGET_FILE_DIR:trove_render_icon>
        COMMAND_EXPAND_LISTS)
endif()

# --- Linux: /usr/bin/trove, desktop entry, metainfo, hicolor icons, man page --
if(UNIX AND NOT APPLE)
    # Debian forbids RPATH pointing at system directories, and the portable
    # archive relies on the system's Qt too, so the installed binary has none
    # (qt_standard_project_setup() would add $ORIGIN/../lib).
    set_target_properties(trove PROPERTIES INSTALL_RPATH "")
    # Full RELRO, as Debian's hardening flags would give (lintian:
    # hardening-no-bindnow).
    target_link_options(trove PRIVATE "LINKER:-z,relro,-z,now")

    install(TARGETS trove RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT trove)
    # The image-format plugin (AVIF, HEIF, JPEG XL, JPEG 2000): a folder of
    # Trove's own, which main() adds to Qt's library paths from its own
    # folder (app/CMakeLists.txt: TROVE_PLUGIN_DIR). Not Qt's plugin folder:
    # other Qt programs keep the readers they had.
    install(TARGETS trove_imageformats
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}/trove/imageformats" COMPONENT trove)
    # The long-tail decoder runs as a helper process (app/decodehelper);
    # trove looks for it in ../libexec/trove/ next to its own folder.
    if(TARGET trove_decode)
        set_target_properties(trove_decode PROPERTIES INSTALL_RPATH "")
        target_link_options(trove_decode PRIVATE "LINKER:-z,relro,-z,now")
        install(TARGETS trove_decode
            RUNTIME DESTINATION "${CMAKE_INSTALL_LIBEXECDIR}/trove" COMPONENT trove)
    endif()

    install(FILES "${_trove_res_src}/${TROVE_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT trove)

    configure_file("${_trove_res_src}/${TROVE_APP_ID}.metainfo.xml.in"
        "${_trove_pkg_out}/${TROVE_APP_ID}.metainfo.xml" @ONLY)
    install(FILES "${_trove_pkg_out}/${TROVE_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" COMPONENT trove)

    install(FILES "${_trove_icon_svg}"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" COMPONENT trove)
    set(_trove_pngs)
    foreach(size IN ITEMS 16 32 48 64 128 256)
        set(_png "${_trove_pkg_out}/icons/${size}x${size}/${TROVE_APP_ID}.png")
        add_custom_command(OUTPUT "${_png}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${_trove_pkg_out}/icons/${size}x${size}"
            COMMAND trove_render_icon "${_trove_icon_svg}" "${_png}" ${size}
            DEPENDS trove_render_icon "${_trove_icon_svg}"
            COMMENT "Rendering the ${size}x${size} application icon"
            VERBATIM)
        list(APPEND _trove_pngs "${_png}")
        install(FILES "${_png}"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps" COMPONENT trove)
    endforeach()

    # Man page and Debian changelog: gzip -n (no name, no timestamp) keeps the
    # package reproducible, as Debian policy asks.
    find_program(TROVE_GZIP gzip REQUIRED)
    configure_file("${_trove_pkg_src}/trove.1.in" "${_trove_pkg_out}/man/trove.1" @ONLY)
    # Trove is a native package (no Debian revision), so its Debian-format
    # changelog is /usr/share/doc/trove/changelog.gz.
    configure_file("${_trove_pkg_src}/debian/changelog.in" "${_trove_pkg_out}/doc/changelog" @ONLY)
    set(_trove_gzipped)
    foreach(doc IN ITEMS man/trove.1 doc/changelog)
        add_custom_command(OUTPUT "${_trove_pkg_out}/${doc}.gz"
            COMMAND "${TROVE_GZIP}" -9 -n -k -f "${_trove_pkg_out}/${doc}"
            DEPENDS "${_trove_pkg_out}/${doc}"
            COMMENT "Compressing ${doc}"
            VERBATIM)
        list(APPEND _trove_gzipped "${_trove_pkg_out}/${doc}.gz")
    endforeach()
    add_custom_target(trove_packaging_files ALL DEPENDS ${_trove_pngs} ${_trove_gzipped})

    install(FILES "${_trove_pkg_out}/man/trove.1.gz"
        DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT trove)
    # Shell completion where bash-completion and zsh look for it on demand.
    install(FILES "${_trove_pkg_src}/completion/trove.bash"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" RENAME trove
        COMPONENT trove)
    install(FILES "${_trove_pkg_src}/completion/_trove"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions" COMPONENT trove)
    # /usr/share/doc/<package>, not CMAKE_INSTALL_DOCDIR (which is .../Trove).
    install(FILES "${_trove_pkg_src}/debian/copyright" "${_trove_pkg_out}/doc/changelog.gz"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${TROVE_PACKAGE_NAME}" COMPONENT trove)
    # The window's translations (ui/CMakeLists.txt). Embedded in trove too;
    # these, found as bin/../share/trove/translations, take precedence, so
    # a corrected or added catalogue needs no rebuild (ui/translations.h).
    install(FILES ${TROVE_QM_FILES}
        DESTINATION "${CMAKE_INSTALL_DATADIR}/trove/translations" COMPONENT trove)
endif()

# --- Windows: trove.exe with its icon, Qt deployed by windeployqt ------------
if(WIN32)
    set(_trove_ico "${_trove_pkg_out}/trove.ico")
    add_custom_command(OUTPUT "${_trove_ico}"
        COMMAND trove_render_icon "${_trove_icon_svg}" "${_trove_ico}" 16 24 32 48 64 128 256
        DEPENDS trove_render_icon "${_trove_icon_svg}"
        COMMENT "Rendering trove.ico"
        VERBATIM)
    add_custom_target(trove_windows_icon DEPENDS "${_trove_ico}")
    add_dependencies(trove trove_windows_icon)
    set(TROVE_ICO "${_trove_ico}")
    configure_file("${_trove_pkg_src}/windows/trove.rc.in" "${_trove_pkg_out}/trove.rc" @ONLY)
    target_sources(trove PRIVATE "${_trove_pkg_out}/trove.rc")

    install(TARGETS trove RUNTIME DESTINATION bin COMPONENT trove)
    if(TROVE_DEPLOY_QT)
        # Qt >= 6.3 (a technical preview in 6.4): runs windeployqt at install
        # time, so `cpack` packs trove.exe with its Qt DLLs and plugins.
        qt_generate_deploy_app_script(TARGET trove FILENAME_VARIABLE _trove_deploy_script)
        install(SCRIPT "${_trove_deploy_script}" COMPONENT trove)
    else()
        # What `windeployqt --dir <build>/deploy <build>/bin/trove.exe` put there.
        install(DIRECTORY "${PROJECT_BINARY_DIR}/deploy/" DESTINATION bin COMPONENT trove OPTIONAL)
    endif()
    # The MSVC runtime, when building with MSVC.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT trove)
    include(InstallRequiredSystemLibraries)
endif()

# --- macOS: Trove.app with Info.plist and icon, Qt deployed by macdeployqt --
if(APPLE)
    set(_trove_icns "${_trove_pkg_out}/Trove.icns")
    add_custom_command(OUTPUT "${_trove_icns}"
        COMMAND trove_render_icon "${_trove_icon_svg}" "${_trove_icns}" 16 32 64 128 256 512 1024
        DEPENDS trove_render_icon "${_trove_icon_svg}"
        COMMENT "Rendering Trove.icns"
        VERBATIM)
    add_custom_target(trove_macos_icon DEPENDS "${_trove_icns}")
    add_dependencies(trove trove_macos_icon)
    target_sources(trove PRIVATE "${_trove_icns}")
    set_source_files_properties("${_trove_icns}" TARGET_DIRECTORY trove
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources GENERATED TRUE)

    set_target_properties(trove PROPERTIES
        OUTPUT_NAME Trove
        MACOSX_BUNDLE TRUE
        MACOSX_BUNDLE_INFO_PLIST "${_trove_pkg_src}/macos/Info.plist.in"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${TROVE_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_NAME "Trove"
        MACOSX_BUNDLE_ICON_FILE "Trove.icns"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_COPYRIGHT "${TROVE_COPYRIGHT}")

    # Installs the whole bundle, including what a manual macdeployqt on the
    # build tree's Trove.app added to it (TROVE_DEPLOY_QT=OFF).
    install(TARGETS trove BUNDLE DESTINATION . COMPONENT trove)
    if(TROVE_DEPLOY_QT)
        # Runs macdeployqt on the installed bundle at install time.
        qt_generate_deploy_app_script(TARGET trove FILENAME_VARIABLE _trove_deploy_script)
        install(SCRIPT "${_trove_deploy_script}" COMPONENT trove)
    endif()
endif()

# --- CPack -------------------------------------------------------------------
# The license shown by NSIS, WIX and DragNDrop: the repository's LICENSE when
# there is one, else the MIT text of the Debian copyright file. WIX insists on
# a .txt or .rtf name.
if(EXISTS "${PROJECT_SOURCE_DIR}/LICENSE")
    configure_file("${PROJECT_SOURCE_DIR}/LICENSE" "${_trove_pkg_out}/LICENSE.txt" COPYONLY)
else()
    configure_file("${_trove_pkg_src}/debian/copyright" "${_trove_pkg_out}/LICENSE.txt" COPYONLY)
endif()

set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_PACKAGE_NAME "${TROVE_PACKAGE_NAME}")
set(CPACK_PACKAGE_VENDOR "The Trove developers")
set(CPACK_PACKAGE_CONTACT "${TROVE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION [=[
Trove is a desktop image collector. Paste or drop image links, image files
or images dragged out of a browser onto its window: Trove downloads each one
in the background, checks that it really is an image, keeps the original
bytes losslessly (gzip) in a local library, records its metadata in SQLite
and shows the collection as a fast thumbnail gallery with a viewer, tags,
search and statistics. The window never waits for the work.

The trove command line (add, list, show, export, tag, remove, stats,
verify) works on the same library.]=])
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Trove")
set(CPACK_PACKAGE_EXECUTABLES "trove" "Trove")
set(CPACK_RESOURCE_FILE_LICENSE "${_trove_pkg_out}/LICENSE.txt")
set(CPACK_STRIP_FILES ON)
string(TOLOWER "${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}" _trove_system)
set(CPACK_PACKAGE_FILE_NAME "${TROVE_PACKAGE_NAME}-${PROJECT_VERSION}-${_trove_system}")

if(WIN32)
    set(CPACK_GENERATOR "NSIS")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

# Debian: trove_<version>_<arch>.deb
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_NAME "${TROVE_PACKAGE_NAME}")
set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TROVE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries come from dpkg-shlibdeps; plugins are loaded at run time, so no
# tool can see them: SQLite driver (catalog), image formats (WebP, TIFF, ...),
# SVG (icon, SVG images) and the platform plugins; and the CA certificates
# that HTTPS downloads are verified against (Qt loads OpenSSL at run time).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, qt6-image-formats-plugins, libqt6svg6, qt6-qpa-plugins, ca-certificates")
# Native Wayland; without it Qt runs through XWayland. Only suggested: it
# pulls in Qt Quick and QML, which Trove does not use.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
# Qt's own strings (standard dialog buttons) in the window's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")

# Windows, NSIS (the default there) and WIX. File associations add Trove to
# "Open with" for images without making it the default program.
set(CPACK_NSIS_PACKAGE_NAME "Trove")
set(CPACK_NSIS_DISPLAY_NAME "Trove")
set(CPACK_NSIS_MUI_ICON "${_trove_pkg_out}/trove.ico")
set(CPACK_NSIS_MUI_UNIICON "${_trove_pkg_out}/trove.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\trove.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "trove.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${TROVE_MAINTAINER}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "!include \"${_trove_pkg_src}/windows/associations-install.nsh\"")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "!include \"${_trove_pkg_src}/windows/associations-uninstall.nsh\"")
# Never change: it is how Windows Installer recognises an upgrade of Trove.
set(CPACK_WIX_UPGRADE_GUID "8E4C6B1A-3F27-4D5E-9A0B-6C2D7E1F4A93")
set(CPACK_WIX_PRODUCT_ICON "${_trove_pkg_out}/trove.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Trove")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PATCH_FILE "${_trove_pkg_src}/windows/wix-associations.xml")

# macOS DragNDrop: Trove.app next to a link to /Applications.
set(CPACK_DMG_VOLUME_NAME "Trove")
set(CPACK_DMG_FORMAT "UDZO")
if(APPLE)
    set(CPACK_PACKAGE_ICON "${_trove_pkg_out}/Trove.icns")
endif()

include(CPack)
