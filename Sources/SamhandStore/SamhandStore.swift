// SamhandStore: GRDB database, migrations, repositories, sealing of sensitive columns.
