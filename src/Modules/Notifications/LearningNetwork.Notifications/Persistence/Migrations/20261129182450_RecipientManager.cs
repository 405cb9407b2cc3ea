using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Notifications.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class RecipientManager : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "cluster_manager_id",
                schema: "notifications",
                table: "emails",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_emails_cluster_manager_id",
                schema: "notifications",
                table: "emails",
                column: "cluster_manager_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_emails_cluster_manager_id",
                schema: "notifications",
                table: "emails");

            migrationBuilder.DropColumn(
                name: "cluster_manager_id",
                schema: "notifications",
                table: "emails");
        }
    }
}
