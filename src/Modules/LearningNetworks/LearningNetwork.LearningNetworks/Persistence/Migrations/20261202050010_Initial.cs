using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LearningNetwork.LearningNetworks.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "learning_networks");

            migrationBuilder.CreateTable(
                name: "networks",
                schema: "learning_networks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    membership = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    facilitator_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_networks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "learning_networks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "members",
                schema: "learning_networks",
                columns: table => new
                {
                    network_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cluster_manager_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    join_number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => new { x.network_id, x.cluster_manager_id });
                    table.ForeignKey(
                        name: "fk_members_networks_network_id",
                        column: x => x.network_id,
                        principalSchema: "learning_networks",
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_cluster_manager_id",
                schema: "learning_networks",
                table: "members",
                column: "cluster_manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_network_id_join_number",
                schema: "learning_networks",
                table: "members",
                columns: new[] { "network_id", "join_number" });

            migrationBuilder.CreateIndex(
                name: "ix_networks_name",
                schema: "learning_networks",
                table: "networks",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "learning_networks",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "occurred_at" },
                filter: "processed_at IS NULL AND failed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "members",
                schema: "learning_networks");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "learning_networks");

            migrationBuilder.DropTable(
                name: "networks",
                schema: "learning_networks");
        }
    }
}
