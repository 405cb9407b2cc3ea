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

    /// <summary>
    /// Rows before the page. Counted in 64 bits and capped: a page far beyond the data (page
    /// 2147483647) is an empty page, not an overflow into a negative OFFSET.
    /// </summary>
    public int Skip => (int)Math.Clamp(((long)Page - 1) * PageSize, 0, int.MaxValue);

    /// <summary>How far a bounded count goes: this page and the next <paramref name="pagesAhead"/> pages, plus one to know there are more.</summary>
    public int CountLimit(int pagesAhead) => (int)Math.Min((long)Skip + ((long)pagesAhead * PageSize) + 1, int.MaxValue);
}
