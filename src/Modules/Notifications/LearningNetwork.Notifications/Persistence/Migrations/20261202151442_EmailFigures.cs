using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LearningNetwork.Notifications.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EmailFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_emails_kind_due_at",
                schema: "notifications",
                table: "emails");

            migrationBuilder.CreateTable(
                name: "email_figures",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    due_day = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    emails = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_email_figures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_email_figures_kind_due_day",
                schema: "notifications",
                table: "email_figures",
                columns: new[] { "kind", "due_day" });

            // Each statement on the send log appends what it changed per kind, due day (UTC) and state:
            // its new rows counted up, its old rows counted down. Appending takes no lock another writer waits on.
            foreach (var (operation, changed) in _figureTriggers)
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION notifications.email_figures_{operation}() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO notifications.email_figures (kind, due_day, status, emails)
                        SELECT kind, (due_at AT TIME ZONE 'UTC')::date, status, sum(sign) FROM ({changed}) AS changed
                        GROUP BY kind, (due_at AT TIME ZONE 'UTC')::date, status
                        HAVING sum(sign) <> 0;
                        RETURN NULL;
                    END $$;
                    CREATE TRIGGER email_figures_{operation} AFTER {operation.ToUpperInvariant()} ON notifications.emails
                        {Transitions(operation)} FOR EACH STATEMENT EXECUTE FUNCTION notifications.email_figures_{operation}();
                    """);
            }

            migrationBuilder.Sql("""
                INSERT INTO notifications.email_figures (kind, due_day, status, emails)
                SELECT kind, (due_at AT TIME ZONE 'UTC')::date, status, count(*) FROM notifications.emails
                GROUP BY kind, (due_at AT TIME ZONE 'UTC')::date, status
                """);
        }

        private static readonly (string Operation, string Changed)[] _figureTriggers =
        [
            ("insert", "SELECT 1 AS sign, kind, due_at, status FROM new_rows"),
            ("update", "SELECT 1 AS sign, kind, due_at, status FROM new_rows UNION ALL SELECT -1, kind, due_at, status FROM old_rows"),
            ("delete", "SELECT -1 AS sign, kind, due_at, status FROM old_rows"),
        ];

        private static string Transitions(string operation) => operation switch
        {
            "insert" => "REFERENCING NEW TABLE AS new_rows",
            "update" => "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows",
            _ => "REFERENCING OLD TABLE AS old_rows",
        };

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (operation, _) in _figureTriggers)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER email_figures_{operation} ON notifications.emails;
                    DROP FUNCTION notifications.email_figures_{operation}();
                    """);
            }

            migrationBuilder.DropTable(
                name: "email_figures",
                schema: "notifications");

            migrationBuilder.CreateIndex(
                name: "ix_emails_kind_due_at",
                schema: "notifications",
                table: "emails",
                columns: new[] { "kind", "due_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "status" });
        }
    }
}
