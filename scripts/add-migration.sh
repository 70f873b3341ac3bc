#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/PaulMassage.Web
dotnet ef migrations add "$name" --project "$project" --context SqliteAppDbContext --output-dir Infrastructure/Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project "$project" --context SqlServerAppDbContext --output-dir Infrastructure/Data/Migrations/SqlServer --no-build
