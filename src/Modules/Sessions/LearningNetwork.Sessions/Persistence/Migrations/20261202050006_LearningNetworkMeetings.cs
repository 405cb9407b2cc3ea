using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Sessions.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LearningNetworkMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "learning_network_id",
                schema: "sessions",
                table: "sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_learning_network_id",
                schema: "sessions",
                table: "sessions",
                column: "learning_network_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sessions_learning_network_id",
                schema: "sessions",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "learning_network_id",
                schema: "sessions",
                table: "sessions");
        }
    }
}
