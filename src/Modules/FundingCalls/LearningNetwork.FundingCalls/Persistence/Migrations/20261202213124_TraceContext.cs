using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.FundingCalls.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TraceContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                schema: "funding_calls",
                table: "outbox_messages",
                type: "character varying(55)",
                maxLength: 55,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_parked",
                schema: "funding_calls",
                table: "outbox_messages",
                column: "failed_at",
                filter: "failed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_parked",
                schema: "funding_calls",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "trace_parent",
                schema: "funding_calls",
                table: "outbox_messages");
        }
    }
}
