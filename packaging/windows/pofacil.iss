; Inno Setup script for the Windows installer: the one-folder app PyInstaller made in
; dist\pofacil, installed per user (no administrator needed), with a Start menu entry and
; .pofacil files opening in the windowed pofacil-gui.exe. Built by
; .github/workflows/installers.yml:  iscc /DAppVersion=0.1.0 packaging\windows\pofacil.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{5C0F3A52-7D1B-4E8A-9C55-3B2F0D6A1E47}
AppName=pofacil
AppVersion={#AppVersion}
AppPublisher=pofacil
DefaultDirName={autopf}\pofacil
DefaultGroupName=pofacil
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
LicenseFile=..\..\LICENSE
SetupIconFile=..\..\build\icons\pofacil.ico
UninstallDisplayIcon={app}\pofacil-gui.exe
OutputDir=..\..\dist
OutputBaseFilename=pofacil-{#AppVersion}-windows-x86_64-setup
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "..\..\dist\pofacil\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\assets\fonts\OFL.txt"; DestDir: "{app}"; DestName: "FONT-LICENSE.txt"

[Icons]
Name: "{autoprograms}\pofacil"; Filename: "{app}\pofacil-gui.exe"
Name: "{autodesktop}\pofacil"; Filename: "{app}\pofacil-gui.exe"; Tasks: desktopicon

[Registry]
; HKA is the current user's classes for a per-user install, the machine's for an admin one.
Root: HKA; Subkey: "Software\Classes\.pofacil"; ValueType: string; ValueName: ""; ValueData: "pofacil.workshop"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\pofacil.workshop"; ValueType: string; ValueName: ""; ValueData: "pofacil workshop"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\pofacil.workshop\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\pofacil-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\pofacil.workshop\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\pofacil-gui.exe"" ""%1"""

[Run]
Filename: "{app}\pofacil-gui.exe"; Description: "{cm:LaunchProgram,pofacil}"; Flags: nowait postinstall skipifsilent
