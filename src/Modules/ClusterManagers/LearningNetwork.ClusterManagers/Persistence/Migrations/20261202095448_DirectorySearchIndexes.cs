using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.ClusterManagers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DirectorySearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:cluster_managers.pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_managers_email_trgm",
                schema: "cluster_managers",
                table: "managers",
                column: "email")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "cluster_managers.gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_managers_full_name_trgm",
                schema: "cluster_managers",
                table: "managers",
                column: "full_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "cluster_managers.gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_clusters_name_trgm",
                schema: "cluster_managers",
                table: "clusters",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "cluster_managers.gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_managers_email_trgm",
                schema: "cluster_managers",
                table: "managers");

            migrationBuilder.DropIndex(
                name: "ix_managers_full_name_trgm",
                schema: "cluster_managers",
                table: "managers");

            migrationBuilder.DropIndex(
                name: "ix_clusters_name_trgm",
                schema: "cluster_managers",
                table: "clusters");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:cluster_managers.pg_trgm", ",,");
        }
    }
}
