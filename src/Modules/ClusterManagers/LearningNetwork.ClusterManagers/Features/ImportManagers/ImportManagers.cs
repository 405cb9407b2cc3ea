using LearningNetwork.Accounts.Contracts;
using LearningNetwork.ClusterManagers.Domain;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.ImportManagers;

/// <summary>
/// Imports managers from CSV (header: cluster,fullName,email,preferredLanguage,phone). All or
/// nothing: every problem is reported with its line and field, and with any problem nothing is
/// written. A known email updates that manager; a new one creates a manager and (on a real run)
/// an invitation.
/// </summary>
internal sealed record ImportManagers(string Csv, bool DryRun) : IRequest<ImportResult>;

internal sealed record ImportError(int Line, string Field, string Message);

/// <summary><c>People</c>: every valid row and what the import does (or did) with it, so a dry run shows whom it will create or update.</summary>
internal sealed record ImportResult(int Created, int Updated, int Unchanged, bool DryRun, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportedPerson> People);

internal sealed record ImportedPerson(int Line, string FullName, string Email, string ClusterName, ImportAction Action);

internal enum ImportAction
{
    Created,
    Updated,
    Unchanged,
}

internal sealed class ImportManagersHandler(ClusterManagersDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<ImportManagers, ImportResult>
{
    private static readonly string[] Required = ["cluster", "fullName", "email", "preferredLanguage"];
    private static readonly string[] Known = [.. Required, "phone"];

    /// <summary>More than the agency's whole directory: a file beyond it is a mistake, and one transaction stays bounded.</summary>
    public const int MaxRows = 5000;

    public async Task<ImportResult> Handle(ImportManagers request, CancellationToken cancellationToken)
    {
        var (header, rows, parseError) = CsvTable.Parse(request.Csv);
        var errors = new List<ImportError>();
        if (parseError is { } error)
        {
            return Failed(request, [new ImportError(error.Line, "file", error.Message)]);
        }

        errors.AddRange(Required.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase))
            .Select(c => new ImportError(1, c, $"The header has no '{c}' column (expected: {string.Join(",", Known)}).")));
        errors.AddRange(header.Where(h => !Known.Contains(h, StringComparer.OrdinalIgnoreCase))
            .Select(h => new ImportError(1, h, $"Unknown column '{h}' (expected: {string.Join(",", Known)}).")));
        if (rows.Count > MaxRows)
        {
            errors.Add(new ImportError(1, "file", $"The file has {rows.Count} rows; import at most {MaxRows} at a time."));
        }

        if (errors.Count > 0)
        {
            return Failed(request, errors);
        }

        var directory = await db.Clusters.AsNoTracking().Select(c => new { c.Id, c.NameKey, c.Name }).ToListAsync(cancellationToken);
        var clusters = directory.ToDictionary(c => c.NameKey, c => c.Id);
        var clusterNames = directory.ToDictionary(c => c.Id, c => c.Name);
        var planned = new List<(CsvRow Row, ManagerDetails Details)>();
        var firstLineOfEmail = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var rowErrors = Validate(row, clusters, firstLineOfEmail, out var details);
            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
            {
                planned.Add((row, details!));
            }
        }

        var keys = planned.Select(p => ClusterManager.KeyOf(p.Details.Email)).ToList();
        var existing = await db.Managers.Where(m => keys.Contains(m.EmailKey)).ToDictionaryAsync(m => m.EmailKey, cancellationToken);
        var accounts = await mediator.Send(new FindAccountsByEmail(planned.Select(p => p.Details.Email).ToList()), cancellationToken);
        var accountOwners = accounts.ToDictionary(a => ClusterManager.KeyOf(a.Email), a => a.ClusterManagerId);
        foreach (var (row, details) in planned)
        {
            var key = ClusterManager.KeyOf(details.Email);
            if (accountOwners.TryGetValue(key, out var owner) && (owner is null || !existing.TryGetValue(key, out var own) || own.Id != owner))
            {
                errors.Add(new ImportError(row.Line, "email", $"{details.Email} already belongs to another account (e.g. a staff member)."));
            }
        }

        var now = clock.GetUtcNow();
        var people = new List<ImportedPerson>();
        foreach (var (row, details) in planned)
        {
            ImportAction action;
            if (existing.TryGetValue(ClusterManager.KeyOf(details.Email), out var manager))
            {
                action = manager.Update(details, now) ? ImportAction.Updated : ImportAction.Unchanged;
            }
            else
            {
                db.Managers.Add(ClusterManager.Register(details, now));
                action = ImportAction.Created;
            }

            people.Add(new ImportedPerson(row.Line, details.FullName, details.Email, clusterNames[details.ClusterId], action));
        }

        int Count(ImportAction action) => people.Count(p => p.Action == action);
        if (errors.Count > 0 || request.DryRun)
        {
            // Nothing of this run may reach the database.
            db.ChangeTracker.Clear();
            return new ImportResult(
                Count(ImportAction.Created), Count(ImportAction.Updated), Count(ImportAction.Unchanged), request.DryRun, errors.OrderBy(e => e.Line).ToList(), people);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(Count(ImportAction.Created), Count(ImportAction.Updated), Count(ImportAction.Unchanged), request.DryRun, [], people);
    }

    private static ImportResult Failed(ImportManagers request, List<ImportError> errors) => new(0, 0, 0, request.DryRun, errors, []);

    private static List<ImportError> Validate(CsvRow row, Dictionary<string, Guid> clusters, Dictionary<string, int> firstLineOfEmail, out ManagerDetails? details)
    {
        var errors = new List<ImportError>();
        details = null;
        var clusterName = row.Get("cluster");
        var fullName = row.Get("fullName");
        var email = row.Get("email");
        var language = row.Get("preferredLanguage").ToLowerInvariant();
        var phone = row.Get("phone");

        if (clusterName.Length == 0)
        {
            errors.Add(new ImportError(row.Line, "cluster", "The cluster is missing."));
        }
        else if (!clusters.ContainsKey(Cluster.KeyOf(clusterName)))
        {
            errors.Add(new ImportError(row.Line, "cluster", $"Unknown cluster '{clusterName}'."));
        }

        if (fullName.Length == 0)
        {
            errors.Add(new ImportError(row.Line, "fullName", "The full name is missing."));
        }
        else if (fullName.Length > 200)
        {
            errors.Add(new ImportError(row.Line, "fullName", "The full name is longer than 200 characters."));
        }

        if (!ClusterManager.IsValidEmail(email))
        {
            errors.Add(new ImportError(row.Line, "email", email.Length == 0 ? "The email is missing." : $"'{email}' is not a valid email address."));
        }
        else if (firstLineOfEmail.TryGetValue(ClusterManager.KeyOf(email), out var firstLine))
        {
            errors.Add(new ImportError(row.Line, "email", $"{email} is also on line {firstLine}."));
        }
        else
        {
            firstLineOfEmail[ClusterManager.KeyOf(email)] = row.Line;
        }

        if (!Languages.All.Contains(language))
        {
            errors.Add(new ImportError(row.Line, "preferredLanguage", $"Unknown language '{row.Get("preferredLanguage")}': use nl, en or fr."));
        }

        if (phone.Length > 40)
        {
            errors.Add(new ImportError(row.Line, "phone", "The phone number is longer than 40 characters."));
        }

        if (errors.Count == 0)
        {
            details = new ManagerDetails(clusters[Cluster.KeyOf(clusterName)], fullName, email, language, phone);
        }

        return errors;
    }
}
