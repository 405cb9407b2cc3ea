namespace LearningNetwork.BuildingBlocks.Contracts;

/// <summary>The body of every list endpoint: one page of items and the total across pages.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Paging as every list endpoint takes it: page from 1, pageSize 1..200.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;
}
