using System.Text.Json.Serialization;

namespace LearningNetwork.BuildingBlocks.Contracts;

/// <summary>
/// The body of every list endpoint: one page of items and the total across pages. A list that grows
/// with history (the send log) counts only so far: then <see cref="TotalIsLowerBound"/> is true and
/// there are more than <see cref="Total"/> items.
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TotalIsLowerBound { get; init; }
}

/// <summary>Paging as every list endpoint takes it: page from 1, pageSize 1..200.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>How far a bounded count goes: this page and the next <paramref name="pagesAhead"/> pages, plus one to know there are more.</summary>
    public int CountLimit(int pagesAhead) => Skip + (pagesAhead * PageSize) + 1;
}
