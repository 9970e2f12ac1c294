import Leaf
import Vapor

/// `#t("key", arg…)` in templates: text from the catalogue in the request's language.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw "#t needs a catalogue key as its first parameter"
        }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        guard let request = ctx.request else { return .string(key) }
        return .string(request.application.catalogue.text(key, Array(arguments), language: request.language))
    }
}
