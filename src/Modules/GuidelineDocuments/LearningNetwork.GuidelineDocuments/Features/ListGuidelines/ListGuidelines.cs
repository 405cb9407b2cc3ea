using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.ListGuidelines;

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

internal sealed class ListGuidelinesHandler(GuidelinesDbContext db, ICurrentUser user) : IRequestHandler<ListGuidelines, PagedResult<GuidelineResponse>>
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
        return new PagedResult<GuidelineResponse>(page.Select(g => GuidelineResponse.From(g, GuidelineResponse.Visible(g, user, allVersions: false))).ToList(), total);
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
