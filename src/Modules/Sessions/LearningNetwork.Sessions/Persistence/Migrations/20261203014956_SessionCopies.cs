using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Sessions.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "session_copies",
                schema: "sessions",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seats_taken = table.Column<int>(type: "integer", nullable: false),
                    waitlist_length = table.Column<int>(type: "integer", nullable: false),
                    seat_marks = table.Column<long>(type: "bigint", nullable: false),
                    seat_marks_copied = table.Column<long>(type: "bigint", nullable: false),
                    materials = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb"),
                    copied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_copies", x => x.session_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_session_copies_copied_at",
                schema: "sessions",
                table: "session_copies",
                column: "copied_at",
                filter: "copied_at IS NULL");

            // Sessions that exist already get a copy still to be made (copied_at NULL): the
            // start-up task MissingSessionCopies asks the owners for them.
            migrationBuilder.Sql("INSERT INTO sessions.session_copies (session_id, seats_taken, waitlist_length, seat_marks, seat_marks_copied) SELECT id, 0, 0, 0, 0 FROM sessions.sessions");

            migrationBuilder.CreateIndex(
                name: "ix_session_copies_seats_due",
                schema: "sessions",
                table: "session_copies",
                column: "session_id",
                filter: "seat_marks > seat_marks_copied");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_copies",
                schema: "sessions");
        }
    }
}
