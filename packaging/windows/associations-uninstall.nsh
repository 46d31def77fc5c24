; Included by CPack's NSIS uninstaller (CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS).
; Undoes associations-install.nsh, leaving other programs' entries alone.
!macro TROVE_UN_OPEN_WITH EXT
  DeleteRegValue SHCTX "Software\Classes\${EXT}\OpenWithProgids" "io.github.trove.Trove.Image"
!macroend
!insertmacro TROVE_UN_OPEN_WITH ".png"
!insertmacro TROVE_UN_OPEN_WITH ".jpg"
!insertmacro TROVE_UN_OPEN_WITH ".jpeg"
!insertmacro TROVE_UN_OPEN_WITH ".gif"
!insertmacro TROVE_UN_OPEN_WITH ".webp"
!insertmacro TROVE_UN_OPEN_WITH ".bmp"
!insertmacro TROVE_UN_OPEN_WITH ".tif"
!insertmacro TROVE_UN_OPEN_WITH ".tiff"
!insertmacro TROVE_UN_OPEN_WITH ".svg"
DeleteRegKey SHCTX "Software\Classes\io.github.trove.Trove.Image"
DeleteRegKey SHCTX "Software\Classes\Applications\trove.exe"
System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
