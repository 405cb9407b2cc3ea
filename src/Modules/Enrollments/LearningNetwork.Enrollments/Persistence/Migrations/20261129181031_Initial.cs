using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Enrollments.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "enrollments");

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                schema: "enrollments",
                columns: table => new
                {
                    cluster_manager_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    protected_token = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.cluster_manager_id);
                });

            migrationBuilder.CreateTable(
                name: "enrollments",
                schema: "enrollments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cluster_manager_id = table.Column<Guid>(type: "uuid", nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    waitlist_number = table.Column<long>(type: "bigint", nullable: true),
                    attendance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_cause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "enrollments",
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
                name: "session_seats",
                schema: "enrollments",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    seats_taken = table.Column<int>(type: "integer", nullable: false),
                    waitlist_length = table.Column<int>(type: "integer", nullable: false),
                    waitlist_counter = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_seats", x => x.session_id);
                    table.CheckConstraint("ck_session_seats_waitlist_not_negative", "waitlist_length >= 0");
                    table.CheckConstraint("ck_session_seats_within_capacity", "seats_taken >= 0 AND seats_taken <= capacity");
                });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                schema: "enrollments",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrollments_cluster_manager_id_status",
                schema: "enrollments",
                table: "enrollments",
                columns: new[] { "cluster_manager_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_enrollments_live_per_manager",
                schema: "enrollments",
                table: "enrollments",
                columns: new[] { "session_id", "cluster_manager_id" },
                unique: true,
                filter: "status <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "ux_enrollments_waitlist_order",
                schema: "enrollments",
                table: "enrollments",
                columns: new[] { "session_id", "waitlist_number" },
                unique: true,
                filter: "status = 'Waitlisted'");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "enrollments",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "occurred_at" },
                filter: "processed_at IS NULL AND failed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_feeds",
                schema: "enrollments");

            migrationBuilder.DropTable(
                name: "enrollments",
                schema: "enrollments");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "enrollments");

            migrationBuilder.DropTable(
                name: "session_seats",
                schema: "enrollments");
        }
    }
}
