using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.ClusterManagers.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "cluster_managers");

            migrationBuilder.CreateTable(
                name: "clusters",
                schema: "cluster_managers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    domain = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    funding_start = table.Column<DateOnly>(type: "date", nullable: true),
                    funding_end = table.Column<DateOnly>(type: "date", nullable: true),
                    member_companies = table.Column<int>(type: "integer", nullable: true),
                    post_funding_plan = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clusters", x => x.id);
                    table.CheckConstraint("ck_clusters_funding_period", "funding_end IS NULL OR funding_start IS NULL OR funding_end >= funding_start");
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "cluster_managers",
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
                name: "managers",
                schema: "cluster_managers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    email_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    preferred_language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_managers", x => x.id);
                    table.ForeignKey(
                        name: "fk_managers_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalSchema: "cluster_managers",
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clusters_name_key",
                schema: "cluster_managers",
                table: "clusters",
                column: "name_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_managers_cluster_id",
                schema: "cluster_managers",
                table: "managers",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "ix_managers_email_key",
                schema: "cluster_managers",
                table: "managers",
                column: "email_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_managers_full_name",
                schema: "cluster_managers",
                table: "managers",
                column: "full_name");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "cluster_managers",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "occurred_at" },
                filter: "processed_at IS NULL AND failed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "managers",
                schema: "cluster_managers");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "cluster_managers");

            migrationBuilder.DropTable(
                name: "clusters",
                schema: "cluster_managers");
        }
    }
}
