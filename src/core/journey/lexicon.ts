/**
 * The shipped journey lexicon: English and Vietnamese phrases (and simple patterns) per stage,
 * with weights. It is the default of `journey.stage`'s `lexicon` param, so analysts can see,
 * reweight, remove and add entries in the inspector.
 *
 * Phrase syntax: words separated by spaces, matched as whole words in order within one clause;
 * `*` stands for any one word, `#` for a number, `word*` for any word starting with "word", `^`
 * and `$` for the start and end of a clause, and the phrase `?` for a question mark anywhere in
 * the text. Accented phrases also match text written without accents ("chot don"); phrases in
 * English loanwords common in Vietnamese comments (ship, order, review…) are listed as `any`.
 */
import type { Stage } from './stages';

export interface LexiconEntry {
  stage: Stage;
  phrase: string;
  weight: number;
  language: 'any' | 'en' | 'vi';
}

/** `phrase:weight|phrase|…` (weight 1 when absent) per stage and language. */
const RAW: Partial<Record<Stage, Partial<Record<LexiconEntry['language'], string>>>> = {
  awareness: {
    en:
      'first time seeing:2.5|first time hearing:2.5|never heard of:2.5|never seen:1.5|just found:1|just discovered:2.5' +
      '|discovered:1|came across:2|stumbled on:2.5|stumbled upon:2.5|saw your ad:2.5|this ad:1|your ads:1.5|sponsored:1.5' +
      '|popped up:2|showed up on my:2|on my feed:1.5|my fyp:2|explore page:1.5|new follower:2.5|new here:2.5|just followed:2.5' +
      "|followed after:2|didn't know this existed:2.5|new to me:2.5|heard about you:2.5|heard of you:2|saw this on:1.5" +
      "|saw it on:1.5|caught my eye:2|look at this:0.5|check this out:0.5|tagged me:1.5|sent me this:1.5|first i've heard:2.5" +
      '|billboard:2|booth:0.5|algorithm:1.5|look you up:2|who are you:1.5|spotted this:2|so pretty:0.5|love this colour:0.5' +
      '|need this:0.5|wishlist:1|found you:2|found this:0.5|found your:2|noticed:0.5|had no idea:2|appeared:0.5' +
      '|in my stories:1.5|magazine:0.5|googled:2|first time on:2|new brand:2|where have you been:2|dmed me:1.5|got me:0' +
      '|never noticed:2.5|this page:0.5|your page:0.5|since when:2|showed me:1|keeps appearing:2.5|keep seeing:2' +
      '|mentioned you:2.5|learned about:2.5|just learned:2.5|new to your page:3|brought me here:3|here i am:0.5' +
      '|check out the page:2|after that video:2|pop-up:0.5|pop up store:0.5|random ad:2.5|your insta:1.5|on my timeline:2' +
      '|found out about:2.5|who is this brand:2|just heard:2|introduced me:2|first saw:2.5',
    vi:
      'lần đầu thấy:2.5|lần đầu biết:2.5|lần đầu:0.5|mới biết:1|giờ mới biết:1|mới thấy:0.5|giờ mới thấy:1|mới phát hiện:1.5' +
      '|phát hiện:0.5|lướt trúng:2.5|lướt thấy:2|lướt tiktok:1.5|lướt fb:1.5|lướt face:1.5|vô tình thấy:2.5|thấy quảng cáo:1.5' +
      '|quảng cáo:0.5|mới follow:2.5|mới like page:2.5|follow liền:2|mới nghe:1|nghe nói:0.5|nhắc hoài:1.5|ghé xem:2' +
      '|vào xem:1.5|vô coi:1.5|coi thử:1|xem thử:1|tò mò:1|thấy bạn share:2.5|bạn share:2|tag vào:1.5|thương hiệu này:1.5' +
      '|brand này:1.5|shop mới:1.5|tìm page:2|ghé page:2|mò vào:2|vào đây:1|thấy idol:2|thấy review:1.5|xinh quá:0.5' +
      '|đẹp quá:0.5|đẹp ghê:0.5|xinh ghê:0.5|mê quá:0.5|nhìn mê:0.5|ước gì:1|lưu lại:1|đang hot:1.5|theo dõi:0.5|đâu ra:0.5' +
      '|lần đầu gặp:2.5|gửi link:2.5|bấm vào:1.5|tình cờ:2.5|tên thương hiệu:2|bài share:2|trong nhóm:0.5|follow ngay:2.5' +
      '|mới lướt:2|bạn khen:1.5|nay mới:0.5|giờ mới:0.5|mới vào:0.5|từ khi nào:1.5|chỉ cho page:2.5|hiện lên:2|trang chủ:1.5' +
      '|tìm fb:2|tìm page:2|xem livestream:1.5|nên biết:2|biết shop:1.5|biết page:1.5|vào coi:1.5|ghé coi:2|ghé thăm:1.5' +
      '|lần đầu ghé:3|mới ghé:2.5|nghe tên:2|nghe danh:2.5|rủ vào coi:3|rủ vào xem:3',
    any: 'new follower:2|follow r:1.5|tiktok:0.5|banner:1.5',
  },
  consideration: {
    en:
      'how much:2.5|price:1.5|prices:1.5|cost:1|discount code:2|promo code:2|any discount:2|coupon:1.5|free shipping:1.5' +
      '|shipping:1|ship to:2|do you ship:2.5|delivery to:1.5|how long:2|in stock:2|still available:2|available in:1.5' +
      '|what size:2.5|size chart:2.5|true to size:2.5|sizing:1.5|does it work:2|does this work:2|does it come:2|does it:1' +
      '|is it:0.5|work for:1|suitable for:1.5|safe for:1.5|difference between:2.5|different from:2|compared to:1.5|comparing:2' +
      '|return policy:2.5|cash on delivery:2.5|authentic:1.5|cruelty free:1.5|vegan:1|ingredients:1.5|which shade:2.5' +
      '|which one:2|should i get:2.5|thinking about:1.5|torn between:2.5|before i decide:2.5|decide:1.5|any reviews:2' +
      '|reviews:1.5|anyone tried:2|worth it:1.5|bundle:1|sale coming:2|might get:2|what material:2|physical store:2' +
      '|can i pay:2.5|warranty:1.5|comes in:1.5|do you have:1.5|white cast:1|spf:1|payday:1.5|what sizes:2.5|sizes:1.5' +
      '|discount:1.5|students:1|how many days:2.5|big enough:2|can i get:2|is it good for:2|good for:1|which is better:2.5' +
      '|price for:2|deliver:1.5|do you deliver:2.5|thinking of:2|not sure:1.5|wondering:2|any chance:2|available:1.5|stock:1.5' +
      '|how many:1.5|can you recommend:3.5|should i:1.5|worth buying:2.5|^ do you:1.5|^ do the:1.5|^ do they:1.5|^ does:1.5' +
      '|^ is it:1.5|^ is the:1.5|^ is there:1.5|^ are they:1.5|^ are the:1.5|^ can i:2|^ can you:1.5|^ could:1|^ would:1' +
      '|^ will it:1.5|^ what:1|^ which:1.5|^ how:1.5|^ any:1|restock*:2|shelf life:2|can pregnant:2.5|cheaper version:2' +
      "|come in:1.5|cotton or:1|or polyester:1|wondering if:2.5|i'm * cm:1.5|^ is this:1.5|^ is that:1|^ can the:1.5" +
      '|^ can this:2|^ can it:2|^ are you able:1|will this:2|will it fit:3|will this fit:3|fit:1|compatible:3|compatibility:3' +
      '|dimensions:3|how tall:2.5|how wide:2.5|how deep:2.5|height:1.5|width:1.5|availability:2.5|out of stock:2.5' +
      '|which of your stores:3|carrying:1.5|model number:1.5|part number:2|is this unit:2|does this unit:2|come with:2' +
      '|does this:1.5|is there any way:2|can we have:2|are you able to:1.5|able to use:2|use these on:2.5|use this on:2.5' +
      '|work with:2|works with:2',
    vi:
      'giá:1|giá bao nhiêu:3|bao nhiêu:2.5|nhiêu tiền:2.5|nhiu:2|bn:0.5|xin giá:3|ib giá:2.5|báo giá:2.5|giá sao:2.5' +
      '|phí ship:2.5|bao lâu:2.5|mấy ngày:2|còn size:3|size gì:3|size nào:2.5|còn hàng:2|còn màu:2.5|có màu:2|có size:2.5' +
      '|bảng size:3|mặc size:2|có sẵn:1.5|được không:1.5|đc không:1.5|được hông:1.5|dùng được không:2.5|xài được không:2.5' +
      '|có giảm:2|giảm giá:1|mã giảm:2|sale tới:2|khuyến mãi:1|trả góp:2|kiểm hàng:2|chính hãng:2|hàng thật:1.5|thành phần:2' +
      '|khác gì:2.5|khác nhau:2|so với:1|phân vân:2.5|cân nhắc:2.5|tư vấn:1|cho xin review:2.5|ai xài rồi:2|ai dùng rồi:2' +
      '|có ship:2.5|ship tỉnh:2|ship quốc tế:2|không shop:1.5|ko shop:1.5|k shop:1.5|hok shop:1.5|hông shop:1.5|không ạ:1.5' +
      '|ko ạ:1.5|sao shop:1.5|hả shop:1|cái nào:1.5|loại nào:1.5|dung tích:2|bảng thành phần:2|có cửa hàng:2|chính sách:1.5' +
      '|đổi trả không:2.5|bớt:1.5|đợi lương:2|bao nhiêu ngày:2.5|có bán:2|bán lẻ:2|xem hàng:2|chọn màu:2|định mua:2.5' +
      '|muốn mua:2|đang định:2|chưa biết:1|còn * không:2|còn * * không:2|có * không:0.5|có * * không:0.5|sao ạ:1.5|ngày ạ:1' +
      '|thế nào:1|như thế nào:1|có nên:2|nên chọn:2.5|còn không $:2|không $:1|ko $:1|chưa $:0.5|gì $:1|nào $:1|sao $:1|hả $:1' +
      '|cho em hỏi:2.5|cho mình hỏi:2.5|em hỏi:1.5|hỏi chút:2|đang tính mua:3|tính mua:2.5|chất liệu:2|dùng cho:1|có tặng:1.5' +
      '|loại #:1|được không $:1',
    any: '?:0.75|freeship:2|cod:2|auth:1.5|size:1|ship:1|review:0.5|sale:0.5|deal:0.5',
  },
  purchase: {
    en:
      'just ordered:3|ordered:1.5|i ordered:2|placed my order:3|placed an order:3|order placed:3|pre-ordered:3|preordered:3' +
      '|checked out:3|paid:2|paid already:3|payment:1.5|completed payment:3|bank transfer:2|bought:2|just bought:3' +
      '|bought it:2.5|purchased:3|added to cart:2.5|take my money:2.5|copped:2.5|grabbed:2|snagged:2.5|caved:2' +
      '|order confirmed:3|order number:2|pulled the trigger:3|impulse bought:3|got mine:1.5|put in an order:3|to my order:2' +
      '|my order:0.5|payment screenshot:3|in store today:2|i paid:3|order went through:3|pre order:2.5|in my cart:2|cart:1.5' +
      '|paid by:3|paid with:3|just paid:3|order*:1|purchas*:2|hit buy:3|picked up:1.5|went for:1|got the bundle:2.5' +
      '|bought * for:1|ordering:1.5|my purchase:1.5|cancel my order:4|cancelling my order:4|cancel an order:4' +
      "|cancel the order:4|cancelled my order:4|my order was cancelled:4|cancel order:3.5|in line for:2.5|i'm in line:2.5" +
      '|standing in line:2.5|queueing:2|queuing:2|still in line:2.5',
    vi:
      'chốt:2.5|chốt đơn:3.5|đã chuyển khoản:3.5|chuyển khoản:2.5|ck rồi:3|đã ck:3.5|ck r:3|đặt rồi:3|đã đặt:3|đặt hàng:2.5' +
      '|vừa đặt:3|đặt trước:2.5|đặt thêm:3|đặt luôn:3|lên đơn:2.5|đã thanh toán:3.5|thanh toán:2|xuống tiền:3|hốt:2.5' +
      '|lấy em:2.5|em lấy:2.5|mình lấy:2.5|cho em #:1.5|chuyển cọc:3|cọc:2|bill:1.5|mã đơn:2|giỏ hàng:2|mua ở cửa hàng:2.5' +
      '|mua trên live:3|để em #:2|xác nhận giúp:2|địa chỉ em gửi:2|đặt xong:3|mua xong:3|thanh toán xong:3|mua luôn:3' +
      '|lấy luôn:3|đã đặt qua:3|đặt qua:2|lấy #:1.5|mua #:1|chuyển tiền:3|đơn của em:1.5|đơn em đặt:2.5|đặt liền:3|đặt #:2' +
      '|lấy liền:3|mua liền:3|vừa đặt hàng:3|đặt mua:2.5|đã mua hàng:3|vừa mua:1.5|mua rồi:1|đã mua:1',
    any: 'order rồi:3|đã order:3|vừa order:3|momo:1.5|chot:2|order xong:3|ck:2',
  },
  experience: {
    en:
      'arrived:2.5|package arrived:3|parcel arrived:3|received:2.5|got my order:3|got it:1.5|delivered:2|delivery took:3' +
      '|courier:2|shipper:2|tracking:1.5|packaging:1.5|unboxed:2.5|unboxing:2.5|using it:2.5|been using:3|after using:2.5' +
      '|used it:2|tried it:2.5|wore it:2.5|wearing:1.5|fits perfectly:3|fits:2|my skin:1.5|skin feels:2|breakouts:2|broke out:2' +
      '|broke:2|damaged:2.5|leaked:2.5|faded:2.5|customer service:2|support helped:3|support:1|compliments:2.5|works great:2.5' +
      '|so far:2|first impression:2.5|after # weeks:2.5|after a week:2.5|a month in:2.5|smells:1.5|texture:1.5|absorbs:2.5' +
      '|lasts:1.5|as described:2.5|than the photo:2|like the photos:2|free sample:2|came with:2|feels:1|still waiting:2' +
      '|replied fast:2|exchange for:2|hand wash:1.5|washes:2|comfy:1.5|came today:3|received the wrong:3|wrong colour:2.5' +
      '|wrong color:2.5|wrong size:2.5|strap:1.5|broke on:2.5|too small:2|a bit small:2|too big:2|thinner:1.5|than expected:2' +
      '|comfortable:2|all day:1.5|every night:2|every day:1.5|every morning:2|looks better:2|pores:1.5|box was:2|delivery was:3' +
      '|shipping was:3|arrive*:2|receiv*:1.5|showed up:1.5|finally arrived:3|using the:2|came loose:2.5|loose:1.5|quality is:2' +
      '|stained:2|stain*:1.5|scent:1.5|fades:2|fade*:1.5|rash:2.5|irritation:2|irritat*:2|washed:2.5|wash*:1.5|came without:2.5' +
      '|instruction*:1|helpdesk:2|sorted my:2.5|my issue:1.5|day # of:2.5|first use:2|after the first:2|still looks:2|feels:1.5' +
      '|smell*:1.5|works:1.5|worked:1.5|broke*:1.5|torn:2|ripped:2|arrived:2|been wearing:3|i use:1.5|refund*:2|cancelled:2' +
      '|canceled:2|cancellation:2|delayed:2.5|delay*:2|terrible:1.5|disappointed:1.5|awful:1.5|horrible:1.5|worst:1.5|scam:2' +
      '|rude:2.5|no response:3|no reply:3|not heard back:3|hear back:2.5|heard back:2.5|call back:2|called:1.5|on hold:2.5' +
      "|not working:3|isn't working:3|stopped working:3|doesn't work:2.5|won't work:2.5|keeps crashing:3|crash*:2|error:2" +
      '|outage:3|is down:2.5|down again:3|power is out:3|no signal:2.5|no internet:3|wifi:1.5|internet:1.5|broadband:2' +
      '|connection:1.5|my account:2|locked:2|password:1.5|login:1.5|log in:1.5|charged:2.5|overcharged:3|billing:2|my bill:2.5' +
      "|tracking number:2.5|dispatched:2.5|despatch*:2.5|haven't received:3|not received:3|never arrived:3|hasn't arrived:3" +
      '|not arrived:3|missing:2|where is my:3|still not:2|still no:2|stuck:2|stranded:2.5|my flight:2.5|flight:1.5|my train:2.5' +
      '|train:1.5|gate:1.5|luggage:2|baggage:2|staff:1.5|manager:1.5|employee*:1.5|this location:2|your location:2|dm:2|dmed:2' +
      '|sent you:2|please help:2.5|help me:2|fix:2|fix this:2.5|sort this:2.5|issue:1.5|problem:1.5|complaint:2|complain*:2' +
      '|service:1|resolved:2.5|solved:2.5|replacement:2|technician:2.5|engineer:1.5|router:2|update:1.5|bluetooth:1.5' +
      '|battery:1.5|screen:1|app:1|any update:2.5|been waiting:3|waiting for:2|again:1|my phone:1.5|my car:1.5|my package:3' +
      "|my parcel:3|order hasn't:3|thanks for the help:3|thank you for the help:3|thanks for your help:3|waste of money:2" +
      "|waste your money:2|don't waste:2|don't buy:2|do not buy:2|not worth it:1.5|frustrated:2|frustrating:2" +
      '|pick up the phone:2.5|pick the phone up:2.5|answer the phone:2.5|bumped:2|refused:2|shocking:1.5|fail:2' +
      '|common problem:2.5|why are you:1.5|why do you:1|ago:1.5|hole:2|peeling:2.5|check my order:3|order status:3' +
      "|hasn't shipped:3|not shipped:3|arriving:2|no receipt:2|need to return:2.5|help please:2.5|waiting on:2|please:1|pls:1" +
      '|plz:1|still:1|why:0.5|hours:1|days:1|weeks:1|your:0.5|customer:1|months:1|hour:1|minutes:1|week:0.5' +
      '|this phone:2|the phone:1.5|great phone:2.5|this product:2|this place:2|the place:1.5|the food:2.5|food was:2.5|the service:2|service was:2.5|sound quality:2.5|quality:1.5|great experience:2.5|bad experience:2.5|experience:1|overpriced:2|delicious:2|tasty:2|bland:2|waiter:2|waitress:2|server was:2.5|our server:2.5|the staff:2|restaurant:1.5|the battery:2|headset:1.5|charger:1.5|this case:2|the case:1.5|works fine:2.5|works well:2.5|poor:1|flimsy:2|cheap:1|website is:2|site is:2|server error*:3|flight #:2.5|from * to:0.5|had to return:2.5|returned:1.5',
    vi:
      'nhận được hàng:3.5|nhận hàng:3|đã nhận:3|hàng về:3|hàng đến:3|hàng tới:2.5|giao nhanh:2.5|giao chậm:2.5|giao hơi chậm:3' +
      '|giao hàng:1.5|đóng gói:2.5|dùng thử:2|xài thử:2|dùng # tuần:3|dùng # ngày:3|dùng # tháng:3|xài # tuần:3|xài # ngày:3' +
      '|xài # tháng:3|sau # tuần:2.5|sau # ngày:2.5|được # tuần:2|dùng xong:2.5|xài xong:2.5|mặc vừa:2.5|vừa in:2.5|mặc đi:2' +
      '|mặc lên:2|bôi lên:2.5|thấm nhanh:2.5|bết:1.5|da mịn:2.5|mịn hơn:2.5|da đẹp:2|mụn giảm:2.5|đỡ mụn:2.5|nổi mụn:2.5' +
      '|kích ứng:2.5|khô da:2|châm chích:2|thâm mờ:2.5|lâu trôi:2.5|mau trôi:2.5|phai màu:2.5|bị vỡ:2.5|móp:2.5|giống hình:2.5' +
      '|y hình:2.5|như ảnh:2|hơn hình:2|ngoài đời:2|tặng kèm:2|mẫu thử:2|hỗ trợ đổi:2.5|hỗ trợ:1|tư vấn viên:1.5|đơn kẹt:2.5' +
      '|chưa nhận được:3|đợi hàng:2.5|thơm:1.5|mùi:1|ưng:1.5|xài thích:2.5|dùng thích:2.5|được khen:2|ai cũng khen:1.5' +
      '|khóa kéo:2|giặt:2|không bết:2|bóng dầu:1.5|ship tới nhà:3|giao tới:2|đã giao:2.5|da sáng:2|nổi mẩn:2.5|mẩn đỏ:2' +
      '|mặc hơi:2|hơi chật:2|chật:1.5|rộng quá:2|bị thiếu:2.5|dùng thấy:2.5|xài thấy:2.5|thấy hợp:2|lên màu:2.5|vải:1.5' +
      '|mới tới:2|giao # ngày:2.5|ổn áp:1.5|thấy ổn:2|xài ổn:2|dùng ổn:2|mặc đẹp:2|dùng rồi:1.5|xài rồi:1.5|nhận rồi:3' +
      '|gói hàng:2.5|dùng được # ngày:3|dùng được # tuần:3|lỗi:2|bị lỗi:2.5|rát:2|bị rát:2.5|êm chân:2.5|đi êm:2' +
      '|hướng dẫn đổi:2.5|đổi hàng:1.5|đỡ khô:2.5|đỡ:1|sau vài lần:2.5|lần dùng:2|hàng mới về:3|mới về:2|dùng thấy:2.5' +
      '|mặc thấy:2.5|đi thấy:1.5|ra màu:2|bị phai:2.5|bị hư:2.5|hư:1.5|bung chỉ:2.5|đường may:2|thất vọng:2|chán:1.5|kém:1.5' +
      '|tệ:1.5|buồn:1|lừa đảo:2.5|phí tiền:2|hàng fake:2|đừng mua:2|đừng ai mua:2|không nên mua:2.5|hài lòng:2' +
      '|không hài lòng:2.5|pin:1.5|pin trâu:2.5|pin yếu:2.5|tụt pin:2.5|hao pin:2.5|sạc:1.5|camera:1.5|chụp:1.5|chụp ảnh:2' +
      '|chụp hình:2|màn hình:1.5|cảm ứng:2|vân tay:1.5|mượt:2|lag:2|giật:2|đơ:2|nóng:1.5|nóng máy:2.5|chơi game:2|game:1' +
      '|cấu hình:1.5|wifi:1.5|sóng:1.5|loa:1.5|âm thanh:1.5|máy:1|dùng:1|xài:1|sài:1|sử dụng:1.5|tầm giá:2.5|trong tầm giá:3' +
      '|với giá:2|giá tiền:2|so với giá:2|nhân viên:1.5|nhiệt tình:2|đáng tiền:2|bảo hành:2|đổi máy:1.5|mua về:2|mua được:1.5' +
      '|mua dc:1.5|đã mua:1.5|mới mua:1.5|sau # tháng:2.5|được # tháng:2.5|ổn:1|tốt:1|oke:1|quá ok:1.5|điểm trừ:2.5' +
      '|nhược điểm:2.5|ưu điểm:2.5|đánh giá:1.5|sao lại:1.5|không được:1|bị:1|bắt sóng:2|rớt mạng:2.5|kết nối:1.5|cài đặt:1.5' +
      '|bluetooth:1.5|xem phim:1',
    any:
      'unbox:2.5|shipper:2|ok:0.5|@*help:2|@*helps:2|@*care:2|@*cares:2|@*support:2|@*service:2|@*svc:2|@*askus:2|@ask*:2' +
      '|@*_cs:2|@*customerservice:2',
  },
  advocacy: {
    en:
      'recommend:3|recommended:3|recommending:3|highly recommend:3.5|would recommend:3.5|10 10:2.5|buy again:3.5' +
      '|bought again:3.5|buying again:3.5|repurchase:3.5|repurchased:3.5|repurchasing:3.5|again and again:2.5|holy grail:3' +
      '|my go to:3|loyal customer:3.5|lifetime customer:3.5|telling everyone:3.5|told my:2.5|told all my friends:3.5' +
      '|trust me:2.5|you have to try:3|you need this:2.5|must have:2.5|everyone should:3|should try:2.5|go buy:3|just get it:3' +
      '|worth every penny:2.5|never disappoints:3|keep buying:3.5|be back for more:3.5|keep coming back:3.5|star review:3' +
      '|five stars:2.5|times now:2.5|second one:2|stocking up:3|converted:2|vouching:3|vouch:3|gifted:2|whole family:2.5' +
      '|best shop:2.5|always reliable:2.5|every group chat:3|deserve more followers:3|as good as people say:3|for years:1.5' +
      '|needs this:2|tell everyone:3.5|best purchase:3|ordered after seeing:3|after seeing mine:3|have to try:3|fourth time:3' +
      "|third time:3|second time:2.5|# times:2|time buying:3|forever:1|shared your page:3|shared this:2|can't live without:3" +
      '|still love:2|all my friends:2.5|again:0.5|recommend*:3|repurchas*:3.5|for life:3|since 20#:2|spreading the word:3.5' +
      "|spread the word:3.5|thanks to me:3|because of me:3|only * i'll ever use:3.5|i'll ever use:3|hundred times:3" +
      '|gift it:2.5|give this shop a follow:3.5|give * a follow:3|favourites:2|favorite shop:3|favourite shop:3|ordering my:1.5' +
      '|fourth one:2.5|third one:2.5|customer for:2.5|been buying:3|buying here since:3.5|every friend:2.5|everyone at work:2.5' +
      '|whole team:2.5|check out:0.5|check it out:1.5|you should get:3|should get:2|show your support:3|support my:2' +
      '|give * a try:3|give it a try:2.5|try it:1.5|must check out:3|you must:1.5' +
      "|best * ever:3|best * i've ever:3|best * i have ever:3|hands down the best:3|must visit:3|must try:3|be back $:3|definitely be back:3.5|be back for:3|the one to get:3|phone to get:3",
    vi:
      'giới thiệu cho:3.5|giới thiệu:3|sẽ mua lại:4|mua lại:3.5|mua lần thứ:3.5|lần thứ:1.5|quay lại mua:3.5|sẽ ủng hộ:3.5' +
      '|ủng hộ shop:3|ủng hộ dài dài:3.5|lâu dài:1.5|uy tín:2.5|mọi người nên:3|nên mua:2.5|nên thử:3|mua đi:3' +
      '|mọi người mua:2.5|chân ái:3|khách quen:3|fan cứng:3.5|trung thành:3.5|tin tưởng:2.5|mãi yêu:3|bảo đảm:2|đảm bảo:2' +
      '|cả nhà:2|cả phòng:2|rủ:2.5|mua chung:2|mua theo:2.5|review 5 sao:3.5|5 sao:2.5|10 điểm:2.5|khoe:2|chỉ qua shop:3' +
      '|mua thêm:2.5|để dành:2|tặng bạn:2|ai hỏi:2|mua mấy lần:3|mua lần:2.5|còn mua nữa:3|share cho:2.5|ai dùng cũng khen:3' +
      '|ai cũng thích:2|mua đi nha:3|ai chưa mua:3|quay lại ủng hộ:3.5|ủng hộ:2|khách ruột:3.5|cũng đặt:2.5|cũng mua:2.5' +
      '|cứ tin:3|mọi người cứ:2|mua lại hoài:3.5|hoài không chán:2.5|mua lần #:3|lần #:1|tin dùng:3|mua tiếp:3|mua hoài:3.5' +
      '|chỉ cho:2|yên tâm mua:3.5|khách của shop:3|tháng nào cũng:3|lần nào cũng:3|hốt đi:3.5|không hối hận:2.5' +
      '|chỉ dùng của shop:3.5|chỉ dùng:1|khen quá trời:1.5|dùng hoài:3|xài hoài:3|mãi ủng hộ:3.5|mọi người nên mua:3.5|ae cứ:3' +
      '|anh em cứ:3|cứ tự tin:3|tự tin mà mua:3.5|có thể mua:2.5|đáng mua:3|luôn ủng hộ:3.5|ủng hộ lâu dài:3.5|mãi iu:3' +
      '|lựa chọn đúng đắn:3|mua ở đây:2.5|mua nhiều:2|nhiều lần:2|mua hàng ở đây:3|tin tưởng khi mua:3.5|sẽ ủng hộ thêm:3.5' +
      '|ai muốn mua:2.5|nên mua con này:3|thì nên mua:3',
    any: 'recommend:3|repurchase:3.5',
  },
  churn: {
    en:
      'my money back:3.5|money back:3.5|unfollowed:3.5|unfollowing:3.5|never again:3.5|never buying:3.5|never ordering:3.5' +
      '|never order:3.5|switching to:3.5|switched to:3.5|another brand:2.5|competitor:3|last order:3.5|last time i:2.5' +
      '|not buying:3.5|returned it:3|requested a return:3.5|chargeback:3.5|lost a loyal customer:4|lost a customer:4' +
      '|give up on:3|not anymore:3|used to love:3|bye forever:3|not interested anymore:3.5|deleting the app:3' +
      '|business elsewhere:3.5|my old brand:3|thanks for nothing:3|unfollow*:3.5|not coming back:4|another shop:3' +
      '|another store:3|better shop:2.5|found a better:3|switching:3|different brand:3|deleted my account:3.5' +
      "|delete my account:3.5|unsubscrib*:3|i'm out:3|last purchase:4|take my money elsewhere:4|taking my money:3" +
      '|cancel my account:4.5|cancel my subscription:4.5|cancel my membership:4.5|cancel my service:4|cancel my contract:4' +
      '|cancel my plan:4|cancelling my account:4.5|cancelling my subscription:4.5|cancelled my subscription:4.5' +
      '|cancelled my account:4|cancel the subscription:4|cancel subscription:4|how do i cancel:3|want to cancel:3' +
      '|going to cancel:3.5|gonna cancel:3.5|will be cancelling:3.5|close my account:4|closing my account:4' +
      "|i'm done with you:3.5|done with your:3|taking my business:3.5|take my business:3.5|i'm leaving:3|i am leaving:3" +
      '|leaving you:3|will never use:3.5|never use * again:3.5|never shop:3|never shopping:3.5|never fly:3.5|never flying:3.5' +
      "|never * again:3|i'm switching:3.5|time to switch:3.5|switch to:3|going elsewhere:3.5|go elsewhere:3|shop elsewhere:3.5" +
      '|goodbye:2.5|unsubscribe:3.5|stop emailing:3.5|stop sending:3|i want a refund:2.5|sending it back:3|sent it back:3' +
      '|done with:3|returned the:2.5|returning the:2.5|returning everything:3|returning it:3|refund me:2.5|another seller:3' +
      '|lost me:3.5|lost me as a customer:4|not * anymore:3|not loyal:3.5|no longer a customer:4|find another company:3.5',
    vi:
      'hoàn tiền:3.5|hoàn lại tiền:3.5|đòi tiền:3.5|trả hàng:3|trả lại hàng:3.5|hủy đơn:3.5|huỷ đơn:3.5|hủy theo dõi:4' +
      '|huỷ theo dõi:4|bỏ theo dõi:4|không mua nữa:4|không bao giờ mua:4|không bao giờ quay lại:4|không quay lại:3.5' +
      '|chuyển qua bên khác:4|qua bên khác:3.5|bên khác:1.5|bên kia:2|hãng khác:1.5|chỗ khác:1.5|lần cuối:3|tạm biệt:3.5' +
      '|chán shop:3.5|xin kiếu:3.5|chia tay:3|xóa app:3|xoá app:3|giờ thì thôi:3|hết tin:3.5|mất niềm tin:2.5|không tin:1' +
      '|đổi trả mãi:3|lơ luôn:2|khách quen giờ:2|bỏ follow:4|hủy follow:4|huỷ follow:4|qua shop khác:3.5|shop khác:3' +
      '|không mua ở đây nữa:4|không mua:2.5|đòi lại tiền:3.5|không lấy nữa:4|không ghé nữa:4|không dám mua:4|trả tiền lại:3.5' +
      '|gửi trả:3|trả lại:3|chưa thấy tiền:3|mất khách:3.5|bỏ shop:3.5|không ủng hộ:3.5|không bao giờ:1|lần sau không:3.5' +
      '|không dùng nữa:3|không xài nữa:3|không mua * nữa:3.5|chuyển sang:3|chuyển qua:3|đổi qua xài:3.5|đổi sang xài:3.5' +
      '|qua xài:2.5|bỏ hãng:3.5|đổi máy khác:2.5|bán lại:2.5|lần đầu cũng như lần cuối:4|đã trả lại:3.5|trả máy:3|đem trả:3' +
      '|đổi qua sài:3.5|đổi sang sài:3.5|muốn bán lại:3|muốn trả lại:3|không muốn xài:3|chẳng muốn xài:3|không muốn dùng:3' +
      '|trả lại máy:3.5',
    any: 'unfollow:4|block:3|fake:2.5',
  },
  none: {
    en:
      'giveaway:1|what song:2.5|song name:2.5|happy new year:2.5|lunar new year:2.5|happy friday:2.5|happy weekend:2.5|good morning:2' +
      '|football:2|weather:1.5|photographer:2|memes:2|wrong page:3|admin:1|meme:2|model:1|merry christmas:2.5|christmas:2|filter:1.5|tag yourself:2.5|lunch:1.5|good night:2.5|music:2|hello:1|hi:0.5|same:1|lol:1|haha:1|hahaha:1|lmao:1',
    vi:
      'minigame:1.5|tham gia:1|bài nhạc:2.5|nhạc nền:2.5|tên bài hát:2.5|chúc mừng năm mới:2.5|cuối tuần vui vẻ:2.5|bóng đá:2' +
      '|trời nóng:2|mưa quá:2|cà phê:1.5|nhầm page:3|admin:1|caption:1.5|đắt hàng:2|bán đắt:2|ngủ ngon:2.5|phim:1|trời mưa:2' +
      '|nhạc gì:2.5|nhạc:1.5|tag bạn:2|mẫu ảnh:2|kkk:1|kk:1|hihi:1|ăn gì:2|trưa nay:1.5|cả nhà:1|hello:1|chào:0.5',
  },
};

function parse(): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const [stage, byLang] of Object.entries(RAW) as [Stage, Partial<Record<LexiconEntry['language'], string>>][]) {
    for (const [language, list] of Object.entries(byLang) as [LexiconEntry['language'], string][]) {
      for (const item of list.split('|')) {
        const m = /^(.*):(\d+(?:\.\d+)?)$/.exec(item);
        out.push({ stage, phrase: m ? m[1] : item, weight: m ? Number(m[2]) : 1, language });
      }
    }
  }
  return out;
}

/** The shipped lexicon, one entry per phrase. */
export const DEFAULT_LEXICON: LexiconEntry[] = parse();
