using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.Browse;

internal sealed record VersionResponse(int Number, string FileName, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAt, DateTime? PublishedAt, string? ChangeNote)
{
    public static VersionResponse From(GuidelineVersion v) =>
        new(v.Number, v.FileName, v.ContentType, v.SizeBytes, v.Sha256, v.UploadedAt.UtcDateTime, v.PublishedAt?.UtcDateTime, v.ChangeNote);
}

internal sealed record GuidelineResponse(Guid Id, string Title, string Category, string Language, string? Summary, GuidelineStatus Status, IReadOnlyList<VersionResponse> Versions)
{
    public static GuidelineResponse From(Guideline g, IEnumerable<GuidelineVersion> versions) =>
        new(g.Id, g.Title, g.Category, g.Language, g.Summary, g.Status, versions.OrderByDescending(v => v.Number).Select(VersionResponse.From).ToList());
}

internal sealed record ListGuidelines(string? Search, string? Category, string? Language, int? Page, int? PageSize) : IRequest<PagedResult<GuidelineResponse>>;

internal sealed class ListGuidelinesValidator : AbstractValidator<ListGuidelines>
{
    public ListGuidelinesValidator()
    {
        RuleFor(x => x.Search).MaximumLength(200);
        RuleFor(x => x.Category).MaximumLength(100);
        RuleFor(x => x.Language).Must(l => l is null || l is "nl" or "en" or "fr").WithMessage("The language is nl, en or fr.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

/// <summary>One guideline. Managers see a published one with its latest published version, or all published versions on request.</summary>
internal sealed record GetGuideline(Guid Id, bool AllVersions) : IRequest<GuidelineResponse>;

internal sealed class BrowseHandler(GuidelinesDbContext db, ICurrentUser user)
    : IRequestHandler<ListGuidelines, PagedResult<GuidelineResponse>>, IRequestHandler<GetGuideline, GuidelineResponse>
{
    public async Task<PagedResult<GuidelineResponse>> Handle(ListGuidelines request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var query = db.Guidelines.AsNoTracking().Include(g => g.Versions).AsQueryable();
        if (!user.IsStaff)
        {
            query = query.Where(g => g.Status == GuidelineStatus.Published);
        }

        if (!string.IsNullOrWhiteSpace(request.Search) && SearchQuery(request.Search) is { } terms)
        {
            query = query.Where(g => EF.Functions.ToTsVector("simple", g.SearchText).Matches(EF.Functions.ToTsQuery("simple", terms)));
        }

        if (!string.IsNullOrWhiteSpace(request.Category))
        {
            query = query.Where(g => g.Category == request.Category);
        }

        if (request.Language is not null)
        {
            query = query.Where(g => g.Language == request.Language);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(g => g.Title).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<GuidelineResponse>(page.Select(g => GuidelineResponse.From(g, Visible(g, allVersions: false))).ToList(), total);
    }

    public async Task<GuidelineResponse> Handle(GetGuideline request, CancellationToken cancellationToken)
    {
        var guideline = await db.Guidelines.AsNoTracking().Include(g => g.Versions).FirstOrDefaultAsync(g => g.Id == request.Id, cancellationToken);
        if (guideline is null || (!user.IsStaff && guideline.Status != GuidelineStatus.Published))
        {
            throw new NotFoundException("Guideline", request.Id);
        }

        return GuidelineResponse.From(guideline, Visible(guideline, request.AllVersions));
    }

    /// <summary>Staff see every version; others the latest published one, or all published ones when asked.</summary>
    private IEnumerable<GuidelineVersion> Visible(Guideline g, bool allVersions)
    {
        if (user.IsStaff)
        {
            return g.Versions;
        }

        return allVersions ? g.Versions.Where(v => v.PublishedAt is not null) : g.LatestPublished is { } latest ? [latest] : [];
    }

    /// <summary>Each word as a prefix, accent-folded: "subsidie" finds "Subsidieregels", "regles" finds "Règles".</summary>
    private static string? SearchQuery(string search)
    {
        var words = Guideline.Fold(search)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Take(10)
            .Select(w => w + ":*")
            .ToList();
        return words.Count == 0 ? null : string.Join(" & ", words);
    }
}
