using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Sessions.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionTranslationsAndUpdateNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "translations",
                schema: "sessions",
                table: "sessions",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "update_notice_due_at",
                schema: "sessions",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "translations",
                schema: "sessions",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "update_notice_due_at",
                schema: "sessions",
                table: "sessions");
        }
    }
}
