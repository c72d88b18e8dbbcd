import BylawAudit
import PostgresNIO

/// The trail's tables in PostgreSQL and their migrations (docs/audit-postgres.md says why they are so).
enum PostgresSchema {
    /// The format this bylaw writes and reads.
    static let version: Int32 = 3
    /// The first key of bylaw's advisory locks ("byla"); the second says which lock.
    static let lockSpace: Int32 = 0x6279_6C61
    /// Serialises appends to the chain: held from before the head is read until the commit.
    static let chainLock: Int32 = 1
    /// Serialises migrations of the schema.
    static let schemaLock: Int32 = 2

    /// The version found, 0 when the database holds no bylaw trail.
    static func foundVersion(_ session: PostgresSession) throws(AuditStoreError) -> Int32 {
        let exists = try session.query("SELECT to_regclass('bylaw_audit_schema') IS NOT NULL")
        guard let row = exists.first, try PostgresSession.decode(row, 0, as: Bool.self) else { return 0 }
        let rows = try session.query("SELECT coalesce(max(version), 0) FROM bylaw_audit_schema")
        return try rows.first.map { (r) throws(AuditStoreError) in try PostgresSession.decode(r, 0, as: Int32.self) }
            ?? 0
    }

    /// Refuses a trail of a newer format than this bylaw knows.
    static func check(_ found: Int32, _ location: PostgresLocation) throws(AuditStoreError) {
        guard found <= version else {
            throw AuditStoreError(.refused, id: "store.pg.newer-format", "\(location)", String(found), String(version))
        }
    }

    /// Brings the schema to `version`, under the schema lock so that processes starting at once migrate once.
    /// A role that may only insert and select (the application's) never gets here once the owner migrated.
    static func migrate(_ session: PostgresSession) throws(AuditStoreError) {
        let before = try foundVersion(session)
        try check(before, session.location)
        guard before < version else { return }
        // A session lock, taken before the transaction: a transaction begun before another process's migration
        // committed could still see the old catalogue. A dead process's session lock goes with its connection.
        try session.execute("SELECT pg_advisory_lock(\(lockSpace), \(schemaLock))")
        defer { _ = try? session.execute("SELECT pg_advisory_unlock(\(lockSpace), \(schemaLock))") }
        try session.transaction { () throws(AuditStoreError) in
            // Read again under the lock: another process may have migrated meanwhile.
            let found = try foundVersion(session)
            try check(found, session.location)
            if found < 1 { for statement in version1 { try session.execute(statement) } }
            if found < 2 { for statement in version2 { try session.execute(statement) } }
            if found < 3 { for statement in version3 { try session.execute(statement) } }
        }
    }

    /// A table made append-only as the records are (triggers refusing UPDATE, DELETE and TRUNCATE even to the
    /// owner), kept from PUBLIC, insertable by the writer role (and its id `sequence`) and readable by the reader
    /// role where those roles exist.
    static func appendOnly(_ table: String, sequence: String? = nil) -> String {
        """
        DO $$
        BEGIN
            CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table)
                FOR EACH ROW EXECUTE FUNCTION bylaw_audit_append_only();
            CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION bylaw_audit_append_only();
            REVOKE ALL ON \(table) FROM PUBLIC;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bylaw_audit_writer') THEN
                GRANT SELECT, INSERT ON \(table) TO bylaw_audit_writer;\(
                    sequence.map { "\n            GRANT USAGE ON SEQUENCE \($0) TO bylaw_audit_writer;" } ?? "")
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bylaw_audit_reader') THEN
                GRANT SELECT ON \(table) TO bylaw_audit_reader;
            END IF;
        END
        $$
        """
    }

    /// Version 3: signed checkpoints, as the SQLite store keeps them: each says, under an Ed25519 key, that the
    /// trail held `seq` records ending in `chain_hash` at `signed_at`. Append-only like the records.
    static let version3: [String] = [
        """
        CREATE TABLE audit_checkpoints (
            id bigserial PRIMARY KEY,
            seq bigint NOT NULL CHECK (seq > 0),
            chain_hash bytea NOT NULL CHECK (length(chain_hash) = 32),
            signed_at text NOT NULL,
            public_key bytea NOT NULL CHECK (length(public_key) = 32),
            signature bytea NOT NULL CHECK (length(signature) = 64)
        )
        """,
        appendOnly("audit_checkpoints", sequence: "audit_checkpoints_id_seq"),
        """
        INSERT INTO bylaw_audit_schema (version) VALUES (3)
        """,
    ]

    /// Version 2: bodies kept as `bylaw audit` seals them, Zstandard-compressed against the batch's dictionary
    /// (`codec` 1), as the SQLite store keeps them: a tenth of the bytes through the socket, the WAL and the
    /// table. The canonical bytes are put back together from the body and the store fields when read.
    static let version2: [String] = [
        """
        CREATE TABLE audit_dictionaries (
            sha256 bytea PRIMARY KEY CHECK (length(sha256) = 32),
            content bytea NOT NULL
        )
        """,
        """
        ALTER TABLE audit_records
            ADD COLUMN codec smallint NOT NULL DEFAULT 0 CHECK (codec IN (0, 1)),
            ADD COLUMN dictionary bytea,
            ADD CONSTRAINT audit_records_codec_dictionary CHECK ((codec = 1) = (dictionary IS NOT NULL))
        """,
        appendOnly("audit_dictionaries"),
        """
        INSERT INTO bylaw_audit_schema (version) VALUES (2)
        """,
    ]

    /// Version 1: the records, batch runs, the append-only triggers and the two roles' rights, one statement each
    /// (the extended protocol takes one at a time).
    static let version1: [String] = [
        """
        CREATE TABLE bylaw_audit_schema (
            version integer PRIMARY KEY,
            migrated_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE TABLE audit_records (
            seq bigint PRIMARY KEY CHECK (seq > 0),
            record_id text NOT NULL UNIQUE,
            recorded_at text NOT NULL,
            actor text NOT NULL,
            event text NOT NULL,
            kind text,
            decision_id text,
            decision_date text,
            unit text,
            verdict text NOT NULL,
            body bytea NOT NULL,
            leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32),
            chain_hash bytea NOT NULL CHECK (length(chain_hash) = 32),
            previous_chain_hash bytea NOT NULL CHECK (length(previous_chain_hash) = 32)
        )
        """,
        // Records are kilobytes of JSON: LZ4 compresses them several times faster than PostgreSQL's default
        // (pglz), where the server was built with it.
        """
        DO $$
        BEGIN
            ALTER TABLE audit_records ALTER COLUMN body SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
        END
        $$
        """,
        """
        CREATE INDEX audit_records_kind ON audit_records (kind)
        """,
        """
        CREATE INDEX audit_records_unit ON audit_records (unit)
        """,
        """
        CREATE INDEX audit_records_verdict ON audit_records (verdict)
        """,
        """
        CREATE TABLE audit_runs (
            id bigserial PRIMARY KEY,
            host text NOT NULL,
            pid bigint NOT NULL,
            actor text NOT NULL,
            started_at text NOT NULL,
            head_at_start bigint NOT NULL
        )
        """,
        """
        CREATE TABLE audit_run_ends (
            run bigint PRIMARY KEY REFERENCES audit_runs (id),
            state text NOT NULL,
            ended_at text NOT NULL
        )
        """,
        """
        CREATE FUNCTION bylaw_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the bylaw audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        """
        DO $$
        DECLARE t text;
        BEGIN
            FOREACH t IN ARRAY ARRAY['audit_records', 'audit_runs', 'audit_run_ends', 'bylaw_audit_schema'] LOOP
                EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                    || 'EXECUTE FUNCTION bylaw_audit_append_only()', t || '_append_only', t);
                EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                    || 'EXECUTE FUNCTION bylaw_audit_append_only()', t || '_no_truncate', t);
                EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', t);
            END LOOP;
            FOREACH t IN ARRAY ARRAY['bylaw_audit_writer', 'bylaw_audit_reader'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = t) THEN
                    BEGIN
                        EXECUTE format('CREATE ROLE %I NOLOGIN', t);
                    EXCEPTION
                        WHEN insufficient_privilege THEN
                            RAISE NOTICE 'cannot create role %: grant the rights by hand', t;
                        -- Another database's migration made it at the same moment (roles are per cluster).
                        WHEN unique_violation OR duplicate_object THEN NULL;
                    END;
                END IF;
            END LOOP;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bylaw_audit_writer') THEN
                GRANT SELECT, INSERT ON audit_records, audit_runs, audit_run_ends TO bylaw_audit_writer;
                GRANT SELECT ON bylaw_audit_schema TO bylaw_audit_writer;
                GRANT USAGE ON SEQUENCE audit_runs_id_seq TO bylaw_audit_writer;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bylaw_audit_reader') THEN
                GRANT SELECT ON audit_records, audit_runs, audit_run_ends, bylaw_audit_schema TO bylaw_audit_reader;
            END IF;
        END
        $$
        """,
        """
        INSERT INTO bylaw_audit_schema (version) VALUES (1)
        """,
    ]
}
