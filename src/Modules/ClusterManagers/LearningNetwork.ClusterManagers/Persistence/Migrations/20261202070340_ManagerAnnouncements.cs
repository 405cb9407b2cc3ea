using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.ClusterManagers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ManagerAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "announcements",
                schema: "cluster_managers",
                table: "managers",
                type: "boolean",
                nullable: false,
                // Everyone already in the directory keeps getting announcements until they say otherwise.
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "announcements",
                schema: "cluster_managers",
                table: "managers");
        }
    }
}
