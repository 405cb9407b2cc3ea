using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Accounts.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdminRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                schema: "accounts",
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[] { new Guid("0195f1a0-0000-7000-8000-000000000003"), "admin", "Admin", "ADMIN" });

            // An installation from before the role: its first staff account (the bootstrap one) becomes Admin.
            migrationBuilder.Sql("""
                INSERT INTO accounts.user_roles (user_id, role_id)
                SELECT u.id, '0195f1a0-0000-7000-8000-000000000003'
                FROM accounts.users u JOIN accounts.user_roles ur ON ur.user_id = u.id AND ur.role_id = '0195f1a0-0000-7000-8000-000000000001'
                WHERE u.is_active
                ORDER BY u.created_at, u.id
                LIMIT 1;
                """);

            // The last active Admin keeps the role, whoever writes: the Admin role's row is locked
            // (so concurrent demotions queue) and the count is taken after the wait, with a fresh snapshot.
            migrationBuilder.Sql("""
                CREATE FUNCTION accounts.keep_an_admin() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE admin_role uuid := '0195f1a0-0000-7000-8000-000000000003';
                BEGIN
                    IF TG_TABLE_NAME = 'user_roles' THEN
                        IF OLD.role_id <> admin_role THEN RETURN NULL; END IF;
                    ELSIF NOT (OLD.is_active AND NOT NEW.is_active)
                        OR NOT EXISTS (SELECT 1 FROM accounts.user_roles WHERE user_id = OLD.id AND role_id = admin_role) THEN
                        RETURN NULL;
                    END IF;
                    PERFORM 1 FROM accounts.roles WHERE id = admin_role FOR UPDATE;
                    IF NOT EXISTS (SELECT 1 FROM accounts.user_roles ur JOIN accounts.users u ON u.id = ur.user_id
                                   WHERE ur.role_id = admin_role AND u.is_active) THEN
                        RAISE EXCEPTION 'The last active Admin keeps the role.' USING ERRCODE = 'LN409';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER keep_an_admin AFTER DELETE ON accounts.user_roles FOR EACH ROW EXECUTE FUNCTION accounts.keep_an_admin();
                CREATE TRIGGER keep_an_admin AFTER UPDATE OF is_active ON accounts.users FOR EACH ROW EXECUTE FUNCTION accounts.keep_an_admin();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER keep_an_admin ON accounts.users;
                DROP TRIGGER keep_an_admin ON accounts.user_roles;
                DROP FUNCTION accounts.keep_an_admin();
                DELETE FROM accounts.user_roles WHERE role_id = '0195f1a0-0000-7000-8000-000000000003';
                """);
            migrationBuilder.DeleteData(
                schema: "accounts",
                table: "roles",
                keyColumn: "id",
                keyValue: new Guid("0195f1a0-0000-7000-8000-000000000003"));
        }
    }
}
