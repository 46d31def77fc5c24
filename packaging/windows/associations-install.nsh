; Included by CPack's NSIS installer (CPACK_NSIS_EXTRA_INSTALL_COMMANDS).
; Adds Trove to Explorer's "Open with" menu for images; Trove imports the
; files it is given. It does not make Trove the default program for any type.
; SHCTX is HKLM for an all-users install and HKCU for a per-user one.
WriteRegStr SHCTX "Software\Classes\io.github.trove.Trove.Image" "" "Image (Trove)"
WriteRegStr SHCTX "Software\Classes\io.github.trove.Trove.Image\DefaultIcon" "" "$INSTDIR\bin\trove.exe,0"
WriteRegStr SHCTX "Software\Classes\io.github.trove.Trove.Image\shell\open\command" "" '"$INSTDIR\bin\trove.exe" "%1"'
WriteRegStr SHCTX "Software\Classes\Applications\trove.exe" "FriendlyAppName" "Trove"
WriteRegStr SHCTX "Software\Classes\Applications\trove.exe\shell\open\command" "" '"$INSTDIR\bin\trove.exe" "%1"'
!macro TROVE_OPEN_WITH EXT
  WriteRegStr SHCTX "Software\Classes\${EXT}\OpenWithProgids" "io.github.trove.Trove.Image" ""
  WriteRegStr SHCTX "Software\Classes\Applications\trove.exe\SupportedTypes" "${EXT}" ""
!macroend
!insertmacro TROVE_OPEN_WITH ".png"
!insertmacro TROVE_OPEN_WITH ".jpg"
!insertmacro TROVE_OPEN_WITH ".jpeg"
!insertmacro TROVE_OPEN_WITH ".gif"
!insertmacro TROVE_OPEN_WITH ".webp"
!insertmacro TROVE_OPEN_WITH ".bmp"
!insertmacro TROVE_OPEN_WITH ".tif"
!insertmacro TROVE_OPEN_WITH ".tiff"
!insertmacro TROVE_OPEN_WITH ".svg"
; Tell Explorer that associations changed (SHCNE_ASSOCCHANGED).
System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
