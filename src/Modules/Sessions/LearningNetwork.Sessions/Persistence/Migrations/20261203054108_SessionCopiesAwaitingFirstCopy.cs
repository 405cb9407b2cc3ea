using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Sessions.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionCopiesAwaitingFirstCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "awaiting_first_copy",
                schema: "sessions",
                table: "session_copies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The copies still to be made were those with copied_at empty: the ones the migration
            // SessionCopies made for the sessions that existed before copies did.
            migrationBuilder.Sql("UPDATE sessions.session_copies SET awaiting_first_copy = true WHERE copied_at IS NULL");

            migrationBuilder.DropIndex(
                name: "ix_session_copies_copied_at",
                schema: "sessions",
                table: "session_copies");

            migrationBuilder.DropColumn(
                name: "copied_at",
                schema: "sessions",
                table: "session_copies");

            migrationBuilder.CreateIndex(
                name: "ix_session_copies_awaiting_first_copy",
                schema: "sessions",
                table: "session_copies",
                column: "session_id",
                filter: "awaiting_first_copy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_session_copies_awaiting_first_copy",
                schema: "sessions",
                table: "session_copies");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "copied_at",
                schema: "sessions",
                table: "session_copies",
                type: "timestamp with time zone",
                nullable: true);

            // Made copies get a time (the moment of the downgrade; when they were made is not kept).
            migrationBuilder.Sql("UPDATE sessions.session_copies SET copied_at = now() WHERE NOT awaiting_first_copy");

            migrationBuilder.DropColumn(
                name: "awaiting_first_copy",
                schema: "sessions",
                table: "session_copies");

            migrationBuilder.CreateIndex(
                name: "ix_session_copies_copied_at",
                schema: "sessions",
                table: "session_copies",
                column: "copied_at",
                filter: "copied_at IS NULL");
        }
    }
}
