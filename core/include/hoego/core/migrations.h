// Numbered schema migrations, recorded in the database's schema_migrations table.
#pragma once

#include <hoego/core/database.h>

namespace hoego {

// The newest schema version this build knows.
int latest_schema_version();

// Applies, in order and each in its own transaction, every migration newer than the database's
// recorded version. Running it again on an up-to-date database changes nothing. Refuses a
// database written by a newer hoego (a version this build does not know). On a connection that
// only reads (Database::read_only) it changes nothing: it checks that the schema is this
// build's and refuses an older one, which it cannot upgrade there, with ErrorCode::kReadOnly.
Status migrate(Database& db);

}  // namespace hoego
