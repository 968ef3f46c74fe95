#!/usr/bin/env bash
# Checks the packages `dotnet cake --target=Pack` wrote (default: artifacts/packages): every package
# and symbols package exists with its README, LICENSE and XML docs; TfOps.TensorFlowNet was not packed
# against the stand-in; TfOps.Tool installs from the folder as a user would and `tfops parity` passes
# with it; a scratch project outside the repository builds and runs against the TfOps packages.
set -euo pipefail
cd "$(dirname "$0")/.."
packages="$(realpath "${1:-artifacts/packages}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private NuGet cache: the global one may hold an older build under the same version number.
export NUGET_PACKAGES="$work/nuget-cache"

echo "packages:"; (cd "$packages" && ls -1 *.nupkg)
for id in TfOps TfOps.NumSharp TfOps.Native TfOps.Tool; do
  ls "$packages/$id".[0-9]*.nupkg >/dev/null 2>&1 || { echo "missing package $id"; exit 1; }
  ls "$packages/$id".[0-9]*.snupkg >/dev/null 2>&1 || { echo "missing symbols package $id"; exit 1; }
done
# Every package carries its README, the license file and (libraries) XML docs; symbols hold PDBs.
/usr/bin/python3 - "$packages" <<'PY'
import glob, sys, zipfile
ok = True
for path in glob.glob(sys.argv[1] + "/*.nupkg"):
    names = zipfile.ZipFile(path).namelist()
    need = ["README.md", "LICENSE"]
    if "TfOps.Tool." not in path:
        need.append(next((n for n in names if n.startswith("lib/") and n.endswith(".xml")), "lib/*.xml"))
    missing = [n for n in need if n not in names]
    if missing:
        ok = False
        print(f"{path}: missing {missing}")
for path in glob.glob(sys.argv[1] + "/*.snupkg"):
    if not any(n.endswith(".pdb") for n in zipfile.ZipFile(path).namelist()):
        ok = False
        print(f"{path}: no PDB")
sys.exit(0 if ok else 1)
PY
if ls "$packages"/TfOps.TensorFlowNet.*.nupkg >/dev/null 2>&1; then
  echo "TfOps.TensorFlowNet was packed against the stand-in: it must never ship"; exit 1
fi

# The tool, installed as a user would, from the local folder.
dotnet tool install TfOps.Tool --tool-path "$work/tool" --add-source "$packages" >/dev/null
"$work/tool/tfops" --version
"$work/tool/tfops" parity | tail -n 3
# The bench's plot needs SkiaSharp's native library from the package and a font (README's set-up).
"$work/tool/tfops" bench --shapes small --reps 3 --dtype bfloat16 --json "$work/bench.json" --png "$work/bench.png" | tail -n 2
/usr/bin/python3 - "$work/bench.json" "$work/bench.png" <<'PY'
import json, struct, sys
report = json.load(open(sys.argv[1]))
assert report["format"] == "tfops-bench/1" and report["dtype"] == "bfloat16" and len(report["results"]) == 7, report
png = open(sys.argv[2], "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1000, 620) and len(png) > 20000, "bad plot"
print("bench from the installed tool: JSON and plot written")
PY

version="$(basename "$(ls "$packages"/TfOps.[0-9]*.nupkg | head -n 1)" .nupkg)"; version="${version#TfOps.}"
# A scratch project that uses the kernel and the NumSharp entry from the packages.
mkdir -p "$work/scratch"
cat > "$work/scratch/Scratch.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="TfOps" Version="$version" />
    <PackageReference Include="TfOps.NumSharp" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/scratch/Program.cs" <<'CS'
using NumSharp;
using TfOps;

float[] x = [1, 2, 3, 4, 5, 6];
var y = new float[2];
BiasAddGrad.Compute<float>(x, [3, 2], DataFormat.NHWC, y);
using var input = np.array(x).reshape(3, 2);
using var nd = BiasAddGrad.Compute(input, DataFormat.NCHW);
bool ok = y[0] == 9 && y[1] == 12 && nd.GetSingle(0) == 9 && nd.GetSingle(1) == 12;
Console.WriteLine(ok ? "scratch project: TfOps packages work" : $"scratch project: wrong result {y[0]} {y[1]}");
return ok ? 0 : 1;
CS
cat > "$work/scratch/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$packages" />
  </packageSources>
</configuration>
XML
# The scratch project lives outside the repo: no Directory.*.props from here apply to it.
(cd "$work/scratch" && dotnet run -c Release --nologo -v quiet)
