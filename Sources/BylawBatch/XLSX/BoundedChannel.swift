import Foundation

/// A queue between two threads that holds at most `capacity` items: `put` waits while it is full, `take` while
/// it is empty, so a producer never runs more than `capacity` items ahead of its consumer.
///
/// A class because both threads share it; its state is guarded by its condition.
final class BoundedChannel<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private let capacity: Int
    /// Set by the producer when it has put its last item (with the error that ended it, if any).
    private var finished = false
    private var failure: Error?
    /// Set by the consumer when it wants no more items.
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `item`, waiting for room; false when the consumer has cancelled (the producer should stop).
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity, !cancelled { condition.wait() }
        if cancelled { return false }
        if head > 0, head >= items.count / 2 {
            items.removeFirst(head)
            head = 0
        }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Says that no more items come, and why when it is an error.
    func finish(_ error: Error? = nil) {
        condition.lock()
        finished = true
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, waiting for one; the error that ended the items, once, after the last of them; nil when
    /// the producer has finished and everything was taken.
    func take() -> Result<Item, Error>? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count, !finished { condition.wait() }
        if head < items.count {
            let item = items[head]
            head += 1
            condition.broadcast()
            return .success(item)
        }
        // The error is given once, after the last item; then the channel is simply at its end.
        defer { failure = nil }
        return failure.map { .failure($0) }
    }

    /// Tells the producer to stop; items not taken are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}
