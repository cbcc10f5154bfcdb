import DubenLayout
import DubenModel

/// Document layouts of the current options, made when first needed. Changing the options
/// (a resize, another width) starts a new cache; old layouts are dropped.
public final class LayoutCache {
    public private(set) var options: LayoutOptions
    private var layouts: [Int: DocumentLayout] = [:]

    public init(options: LayoutOptions) { self.options = options }

    public func set(options: LayoutOptions) {
        guard options != self.options else { return }
        self.options = options
        layouts = [:]
    }

    public func layout(_ index: Int, of corpus: Corpus) -> DocumentLayout {
        if let l = layouts[index] { return l }
        let l = DocumentLayout(document: corpus.documents[index], options: options)
        layouts[index] = l
        return l
    }
}
