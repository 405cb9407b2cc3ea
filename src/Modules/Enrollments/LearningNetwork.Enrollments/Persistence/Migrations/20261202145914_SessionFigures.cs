using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Enrollments.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "session_figures",
                schema: "enrollments",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    confirmed = table.Column<int>(type: "integer", nullable: false),
                    attended = table.Column<int>(type: "integer", nullable: false),
                    marked = table.Column<int>(type: "integer", nullable: false),
                    ratings = table.Column<int>(type: "integer", nullable: false),
                    rating_sum = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_figures", x => x.session_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_confirmed_by_session",
                schema: "enrollments",
                table: "enrollments",
                column: "session_id",
                filter: "status = 'Confirmed'")
                .Annotation("Npgsql:IndexInclude", new[] { "cluster_manager_id", "attendance" });

            // The dashboard's per-session sums, kept by the database: statement-level triggers add each
            // statement's change (its new rows counted up, its old rows counted down) to the sessions'
            // rows, whatever code wrote the enrollments or the feedback. Rows are upserted in session
            // order, so two statements never take the same rows' locks in opposite orders.
            foreach (var (table, operation, changed) in _figureTriggers)
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION enrollments.session_figures_{table}_{operation}() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        WITH changed AS ({changed})
                        {AddChanges}
                        RETURN NULL;
                    END $$;
                    CREATE TRIGGER session_figures_{operation} AFTER {operation.ToUpperInvariant()} ON enrollments.{table}
                        {Transitions(operation)} FOR EACH STATEMENT EXECUTE FUNCTION enrollments.session_figures_{table}_{operation}();
                    """);
            }

            migrationBuilder.Sql($"""
                WITH changed AS ({EnrollmentRows("enrollments.enrollments", 1)})
                {AddChanges}
                """);
        }

        /// <summary>Sums the change per session and adds it; a change that moves no figure writes nothing.</summary>
        private const string AddChanges = """
            INSERT INTO enrollments.session_figures AS t (session_id, confirmed, attended, marked, ratings, rating_sum)
                SELECT session_id, sum(sign * confirmed), sum(sign * attended), sum(sign * marked), sum(sign * rated), sum(sign * rating)
                FROM changed
                GROUP BY session_id
                HAVING sum(sign * confirmed) <> 0 OR sum(sign * attended) <> 0 OR sum(sign * marked) <> 0 OR sum(sign * rated) <> 0 OR sum(sign * rating) <> 0
                ORDER BY session_id
                ON CONFLICT (session_id) DO UPDATE SET
                    confirmed = t.confirmed + excluded.confirmed,
                    attended = t.attended + excluded.attended,
                    marked = t.marked + excluded.marked,
                    ratings = t.ratings + excluded.ratings,
                    rating_sum = t.rating_sum + excluded.rating_sum;
            """;

        private static readonly (string Table, string Operation, string Changed)[] _figureTriggers =
        [
            ("enrollments", "insert", EnrollmentRows("new_rows", 1)),
            ("enrollments", "update", EnrollmentRows("new_rows", 1) + " UNION ALL " + EnrollmentRows("old_rows", -1)),
            ("enrollments", "delete", EnrollmentRows("old_rows", -1)),
            ("feedback", "insert", FeedbackRows("new_rows", 1)),
            ("feedback", "update", FeedbackRows("new_rows", 1) + " UNION ALL " + FeedbackRows("old_rows", -1)),
            ("feedback", "delete", FeedbackRows("old_rows", -1)),
        ];

        /// <summary>What confirmed enrollments bring to their session's figures, their feedback's rating included.</summary>
        private static string EnrollmentRows(string rows, int sign) => $"""
            SELECT {sign} AS sign, e.session_id, 1 AS confirmed, (e.attendance = 'Attended')::int AS attended,
                (e.attendance <> 'Unknown')::int AS marked, (f.rating IS NOT NULL)::int AS rated, coalesce(f.rating, 0) AS rating
            FROM {rows} e LEFT JOIN enrollments.feedback f ON f.enrollment_id = e.id
            WHERE e.status = 'Confirmed'
            """;

        /// <summary>What ratings bring: counted for confirmed enrollments only.</summary>
        private static string FeedbackRows(string rows, int sign) => $"""
            SELECT {sign} AS sign, e.session_id, 0 AS confirmed, 0 AS attended, 0 AS marked, 1 AS rated, f.rating
            FROM {rows} f JOIN enrollments.enrollments e ON e.id = f.enrollment_id
            WHERE e.status = 'Confirmed'
            """;

        private static string Transitions(string operation) => operation switch
        {
            "insert" => "REFERENCING NEW TABLE AS new_rows",
            "update" => "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows",
            _ => "REFERENCING OLD TABLE AS old_rows",
        };

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, operation, _) in _figureTriggers)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER session_figures_{operation} ON enrollments.{table};
                    DROP FUNCTION enrollments.session_figures_{table}_{operation}();
                    """);
            }

            migrationBuilder.DropTable(
                name: "session_figures",
                schema: "enrollments");

            migrationBuilder.DropIndex(
                name: "ix_enrollments_confirmed_by_session",
                schema: "enrollments",
                table: "enrollments");
        }
    }
}
