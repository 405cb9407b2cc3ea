using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LearningNetwork.Accounts.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "accounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_actor_id",
                schema: "accounts",
                table: "audit_log",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                schema: "accounts",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_id",
                schema: "accounts",
                table: "audit_log",
                column: "entity_id");

            // Append-only, for everyone who writes to this database (the application's role included,
            // whatever its privileges): rows can be added, never changed, deleted or truncated away.
            migrationBuilder.Sql("""
                CREATE FUNCTION accounts.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit log is append-only: % is not allowed.', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON accounts.audit_log FOR EACH ROW EXECUTE FUNCTION accounts.audit_log_is_append_only();
                CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON accounts.audit_log FOR EACH STATEMENT EXECUTE FUNCTION accounts.audit_log_is_append_only();
                REVOKE UPDATE, DELETE, TRUNCATE ON accounts.audit_log FROM PUBLIC;
                """);

            // The key of the hashes that stand for addresses without an account (a failed sign-in).
            migrationBuilder.Sql("""
                CREATE TABLE accounts.audit_hash_key (key bytea NOT NULL);
                INSERT INTO accounts.audit_hash_key (key)
                VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE accounts.audit_hash_key; DROP TRIGGER append_only_truncate ON accounts.audit_log; DROP TRIGGER append_only ON accounts.audit_log; DROP FUNCTION accounts.audit_log_is_append_only();");
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "accounts");
        }
    }
}
