namespace LearningNetwork.BuildingBlocks.Contracts;

/// <summary>The body of every list endpoint: one page of items and the total across pages.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Paging as every list endpoint takes it: page from 1, pageSize 1..200.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Rows before the page. Counted in 64 bits and capped: a page far beyond the data (page
    /// 2147483647) is an empty page, not an overflow into a negative OFFSET.
    /// </summary>
    public int Skip => (int)Math.Clamp(((long)Page - 1) * PageSize, 0, int.MaxValue);
}
