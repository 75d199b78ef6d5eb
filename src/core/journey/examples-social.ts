/**
 * Hand-written comments in the style of real public social media — tweets addressed to brands'
 * support accounts, everyday tweets and event chatter, Vietnamese product reviews on a retailer's
 * page, and comments under news and social posts — labelled with their customer-journey stage.
 * Audience Flow's own wording with made-up brands and accounts (no text is taken from any data
 * set). Together with the shop-page comments (examples-en.ts, examples-vi.ts) they train the
 * built-in model; they are weighted towards `experience` and `none` because that is what most
 * real comments are: complaints, support requests and reviews after use, and talk that is not
 * about a brand at all.
 */
import type { Stage } from './stages';

export const EN_SOCIAL: Record<Stage, string[]> = {
  awareness: [
    'never heard of @BrandX until this ad, looks interesting', 'just saw your commercial during the game, what is this product?',
    'first time seeing this brand, who are they?', 'a friend just told me about this app, anyone know it?',
    'your billboard on the highway made me look you up', 'just discovered this shop while walking around downtown',
    'didn\'t know you guys had a store here', 'following you now after that video, had no idea you existed',
  ],
  consideration: [
    '@TelcoCare do you have fibre in the Westfield area yet?', 'does the 55 inch model support wall mounting?',
    'will this filter fit a 2018 model fridge?', '@AirwaysHelp how much is it to add a checked bag to a booking?',
    'is the blue one still in stock at the downtown store @ShopCo', 'what\'s the difference between the basic and premium plans?',
    'does this dryer need a special outlet?', '@RetailerHelp when will the large size be back in stock?', 'what are the dimensions of the box',
    'is this dishwasher quiet enough for an open kitchen?', 'can you use this blender for hot soup?', 'do you deliver to rural areas @FoodFast_UK',
    'is the warranty 1 year or 2 on this model', 'anyone tried the new gaming laptop? worth the price?',
    'does this come with the mounting hardware or is it sold separately', 'which model has the bigger freezer?',
  ],
  purchase: [
    'just booked my tickets for the concert with @TicketHub!', '@ShopCo_Care my card keeps getting declined at checkout, tried three cards',
    'finally ordered the new laptop, can\'t wait', '@AirwaysHelp the website won\'t let me pay for my booking, error at the last step',
    'queueing outside the store since 6am to get the new phone', '@ShopCo_Care I placed an order by mistake, can I cancel it?',
    'how do I pay my bill by direct debit @ElectricCo', 'payment went through but I never got an order confirmation @ShopCo',
    'I\'d like to book a table for four on Friday @Bistro', 'pre-ordered the new console, launch day here I come',
    '@TrainCo the ticket machine at the station only takes cash, couldn\'t buy a ticket', 'just bought two tickets for the match tonight',
  ],
  experience: [
    '@AcmeAirHelp my bag didn\'t arrive in Denver, been waiting at the carousel for an hour',
    '@ShopCo_Care ordered a jacket two weeks ago and it still says processing. any update?',
    '@NetlinkSupport internet has dropped three times tonight, what\'s going on', 'hey @QuickBank your app keeps logging me out every time I open it',
    '@MetroRail the 8:05 is delayed again, 20 minutes standing on the platform', '@PowerCo_Service we\'ve had no electricity since this morning on Oak street',
    '@GadgetHelp my screen went black after the update, phone won\'t turn on', 'been on hold with @TelcoCare for 45 minutes now. ridiculous',
    '@FoodFast_UK my delivery came cold and half of it was missing', '@StreamFlixHelp can\'t log into my account, the password reset email never comes',
    '@HotelGroupService the room wasn\'t cleaned during our whole stay', '@CarMakerCares check engine light came on again a week after the repair',
    '@AirwaysHelp flight got cancelled and nobody at the desk can tell us anything', 'I sent you a DM with my order number @ShopCo_Care',
    '@BankOneHelp thanks, that fixed it!', '@NetlinkSupport all sorted now, appreciate the quick reply',
    '@CoffeeHouse the barista at the Main St store was so kind this morning, made my day', 'great service from @MoversCo today, everything arrived in one piece',
    '@ShoeStore the soles came off after two weeks of running', 'why does the @BusCompany app show buses that never come',
    '@PhoneCoUS charged twice on my bill this month, please fix', '@CourierExpress tracking says delivered but nothing is at my door',
    '@AppMakerSupport the latest version crashes whenever I upload a photo', 'still no reply to my email from last week @InsureCo',
    '@PizzaPlace 90 minutes for a pizza and it arrived burnt', '@GymChainHelp the showers at the downtown branch have been broken for a month',
    '@TVProvider channel guide not loading again tonight', '@LaptopBrandCare keyboard stopped working after 3 months, is it under warranty?',
    'the wifi on this @RailCo train is useless as always', '@ElectricCo my meter reading is wrong and now the bill is double',
    '@BurgerBarn you forgot the fries in my order again', '@CloudDriveHelp my files aren\'t syncing between laptop and phone',
    '@RideNowSupport the driver took a longer route and I was charged extra', '@AirlineCo loved the new seats on my flight to Boston, so much more legroom',
    'thanks @GroceryMart, the delivery driver was lovely', '@WaterUtility no water pressure in the whole building since 6am',
    '@TelcoCare my phone shows no service in my area, is there an outage?', '@RetailerHelp returned the item 3 weeks ago and still no sign of my refund',
    'my @BrandX headphones already broke, one side has no sound', '@HotelChain the staff at reception were rude when I asked for a late checkout',
    'how do I reset the filter light on this fridge?', 'the ice maker stopped making ice after a month', 'how much detergent should I use for a small load?',
    '@ShopCo_Care hi, just following up on my case from yesterday', '@BankOneHelp done, sent you the details', '@TelcoCare yes I already tried restarting the router',
    'waited 40 minutes at the drive thru @BurgerBarn, never seen it this slow', 'my train was cancelled with no announcement @RailCo #commute',
    '@InsureCo your claims line keeps hanging up on me', 'first time using the new @StreamFlix app and the picture keeps freezing',
  ],
  advocacy: [
    'if you need a good plumber, @PipeFix are the best, highly recommend', 'you guys should all try the new cafe on 5th street',
    'been flying with @AirlineCo for 10 years, wouldn\'t fly with anyone else', 'best customer service ever from @ShopCo, telling all my friends',
    'download this app, it\'s a game changer for budgeting', '10/10 would buy again', 'my whole family uses @PhoneCo now, can\'t recommend them enough',
    'always come back to this brand, never lets me down', 'check out my friend\'s new bakery, the croissants are amazing, show some love',
    'if you\'re on the fence about the headphones, just get them', 'go try the new burger at @BurgerBarn, you won\'t regret it',
  ],
  churn: [
    '@TelcoCare I want to cancel my contract, this is the third outage this month', 'that\'s it, I\'m switching to another bank',
    'cancelled my @StreamFlix subscription today, nothing good to watch', 'never ordering from @FoodFast_UK again',
    '@GymChainHelp how do I cancel my membership?', 'moved my account to a competitor, bye',
    'after 8 years I\'m done with @InsureCo, taking my business elsewhere', 'deleted the app, not worth the hassle',
    'please unsubscribe me from your mailing list', 'last time I fly with @AirlineCo', 'I\'ll be closing my account at the end of the month',
    'switched to @OtherMobile and never looked back',
  ],
  none: [
    'can\'t believe it\'s already December, where did this year go', '@jess_m haha yes! see you at 7', 'that referee should never be allowed near a pitch again',
    'my cat just knocked my coffee off the table and looked me in the eye', '@danny_b you coming to the game saturday?',
    'watching the election results, this is going to be a long night', 'so proud of my little brother, graduated today', 'congrats to the team on a great season',
    'why is it so hard to wake up on mondays', 'RT this if you remember dial-up internet', '@mike_t lol no way, that\'s hilarious',
    'new blog post about my trip to Lisbon, link in bio', 'the senator\'s speech today was a disgrace', 'anyone else think the finale was rushed?',
    'happy birthday to my best friend, love you', 'this weather is unreal, 20 degrees in november', 'great panel this morning on the future of mobile apps #conference',
    'heading to the keynote, the hall is packed already #techconf', 'our startup will demo at booth 12 tomorrow, come say hi',
    'new episode of our podcast is out now! {link}', '@sarah_k so sorry for your loss, thinking of you', 'that\'s the funniest thing I\'ve read all week',
    'traffic on the highway is insane tonight', 'people who talk in the cinema should be banned', 'finally finished my thesis!!!',
    '@tom_w totally agree with you on this one', 'the news tonight is just depressing', 'can someone explain the offside rule to me',
    'so many people with tablets in this conference room lol', '@coach_rob great practice today, kids worked hard', 'just made pancakes from scratch, not bad for a first try',
    'this city at night is beautiful', 'you\'re an idiot if you believe that', 'shout out to everyone working the night shift',
    'I swear my neighbours are rehearsing for a drum concert', '#TBT to last summer at the lake', 'rumour says the company will unveil a new phone at the event',
    'win a free tablet! retweet and follow to enter', 'RT @mention the line for the keynote goes around the block #techconf', 'what a goal, the stadium went crazy',
    'just saw a dog riding a skateboard downtown, made my day', 'come check out our talk on design systems at 3pm in room B #conf',
    'check out the photos from last night\'s party {link}', 'just found my old diary from high school lol', 'first time in Austin, the tacos are unreal',
  ],
};

export const VI_SOCIAL: Record<Stage, string[]> = {
  awareness: [
    'lần đầu biết đến hãng này, nhìn cũng đẹp', 'thấy quảng cáo hoài nên vào xem thử', 'giờ mới biết cửa hàng có bán laptop',
    'bạn giới thiệu nên mới biết page', 'hãng này mới vào Việt Nam hả, chưa nghe bao giờ',
  ],
  consideration: [
    'máy này chơi pubg có mượt không mọi người', 'bản 128gb giá bao nhiêu vậy shop', 'so với a51 thì máy này có hơn không', 'có bản màu xanh không ạ',
    'camera máy này chụp đêm có ổn không, em đang định mua', 'trả góp 0% được không shop', 'máy có hỗ trợ sạc nhanh không ạ',
    'còn hàng ở chi nhánh quận 7 không', 'đang phân vân giữa con này với redmi note, tư vấn giúp em', 'xe này đi được bao nhiêu km một lít xăng',
    'tầm 5 triệu nên mua máy nào chơi game ổn', 'có ship về tỉnh không shop',
  ],
  purchase: [
    'vừa chốt đơn con a52 xong, hóng quá', 'đặt hàng online mà thanh toán mãi không được', 'em đặt cọc rồi nhé shop',
    'ra cửa hàng mua mà đợi thanh toán lâu quá', 'mới đặt 1 cái, shop xác nhận giúp em', 'chuyển khoản rồi ạ, shop kiểm tra giúp',
    'đặt mua trên web mà không nhận mã giảm giá', 'hôm nay ra tiệm lấy máy luôn',
  ],
  experience: [
    'máy dùng được 2 tuần, pin ổn, camera chụp đẹp, chơi game không bị nóng', 'điện thoại mượt, màn hình sáng, chỉ có loa hơi nhỏ',
    'pin tụt nhanh quá, sáng sạc đầy chiều đã hết', 'mới dùng 3 ngày đã bị đơ cảm ứng, mang ra cửa hàng thì bảo cập nhật phần mềm',
    'camera xóa phông đẹp, chụp đêm hơi nhòe', 'máy nóng khi sạc, không biết có sao không', 'giao hàng nhanh, đóng gói cẩn thận, máy đúng mô tả',
    'nhân viên tư vấn nhiệt tình, máy dùng ổn trong tầm giá', 'vân tay nhạy, nhận diện khuôn mặt nhanh, rất hài lòng', 'chơi liên quân mượt, không giật lag',
    'wifi bắt yếu, ở phòng trong là mất sóng', 'sản phẩm tốt so với giá tiền', 'máy đẹp, cầm chắc tay, nhưng hơi nặng',
    'thất vọng về chất lượng, mới mua mà màn hình đã bị sọc', 'dùng cũng được, không có gì nổi bật', 'loa ngoài rè khi mở to, hơi khó chịu',
    'sạc nhanh thật, 1 tiếng là đầy', 'mua cho bố mẹ dùng, ông bà khen dễ dùng', 'máy hay tự khởi động lại, bảo hành rồi vẫn bị',
    'pin trâu dùng được cả ngày, xem phim thoải mái', 'điểm trừ là máy hơi dày, còn lại đều ok', 'hàng chính hãng, bảo hành 12 tháng yên tâm',
    'mình mua hôm thứ 7, về dùng thấy mượt, chụp ảnh ổn', 'cấu hình mạnh nhưng màn hình độ phân giải thấp',
    'quá chán, mua 5 triệu mà chạy còn chậm hơn máy cũ', 'tai nghe tặng kèm chất lượng kém', 'mọi thứ đều ổn, chỉ có camera trước hơi mờ',
    'máy bị lỗi loa, đã mang đi đổi', 'shop giao thiếu sạc, nhắn tin không thấy trả lời', 'đơn hàng đặt 1 tuần vẫn chưa thấy giao',
    'áo mặc vừa, vải mát, giống hình', 'son lên màu đẹp nhưng hơi khô môi', 'giao sai màu rồi shop ơi, em đặt màu đen mà',
    'dùng được 1 tháng thì nút nguồn bị liệt', 'hàng đẹp, đóng gói kỹ, giao hơi chậm', 'sau khi cập nhật phần mềm máy hao pin hẳn',
    'nói chung là tạm được với tầm giá này', 'âm thanh to rõ, nghe nhạc hay', 'máy nhanh nóng khi chơi game nặng, hạ cấu hình thì ổn',
    'em sạc không vào pin, shop hỗ trợ giúp em với', 'ai chơi game nặng thì đừng mua con này, giật lắm', 'màn hình đẹp nhưng hay bị ám xanh',
  ],
  advocacy: [
    'ai đang phân vân thì cứ mua đi, không hối hận đâu', 'mình đã mua ở đây 3 lần rồi, lần nào cũng hài lòng', 'sẽ ủng hộ cửa hàng dài dài',
    'giới thiệu cho bạn bè mua cùng rồi', 'mọi người nên mua nhé, đáng đồng tiền', 'fan trung thành của hãng này, đổi máy vẫn chọn hãng này',
    'đáng mua nhất trong tầm giá, ae cứ yên tâm', 'lần sau đổi máy chắc chắn vẫn mua ở đây', 'cả nhà mình đều dùng máy của hãng này',
    'tin tưởng cửa hàng, luôn ủng hộ',
  ],
  churn: [
    'dùng 1 tháng hỏng 2 lần, trả máy luôn không xài nữa', 'chắc phải đổi qua hãng khác thôi, chán lắm rồi', 'lần đầu cũng là lần cuối mua ở đây',
    'tạm biệt hãng này, lần sau mua iphone', 'không bao giờ mua ở cửa hàng này nữa', 'bán máy đi rồi, chuyển sang dùng hãng khác',
    'từ nay không ủng hộ nữa', 'đem trả lại cửa hàng rồi, không muốn dùng nữa', 'bỏ theo dõi page luôn',
  ],
  none: [
    'chúc mọi người cuối tuần vui vẻ', 'đọc bài này xong mà buồn cho xã hội', '@Minh Anh đi cà phê không mày', 'trận hôm qua đội tuyển đá hay quá',
    'nói thật chứ mấy người này ăn nói vô duyên', 'bài viết hay, cảm ơn tác giả', 'ai ở Hà Nội thấy hôm nay lạnh không', 'video này xem mắc cười quá trời',
    'Lan Hương thấy giống mày không 😂', 'thời buổi này làm gì cũng khó', 'đúng là không có gì là không thể', 'học hành chăm chỉ đi em',
    'mấy ông quan chức này phải xử nghiêm', 'thương các bác nông dân quá', 'giá xăng lại tăng nữa rồi, khổ dân', 'đồ ngu, nói chuyện không có não',
    'ủa sao tôi thấy bình thường mà mọi người làm quá', 'nghe bài này nhớ tuổi thơ ghê', 'thầy dạy hay quá, em cảm ơn thầy', 'hóng tập tiếp theo quá anh ơi',
    'cười đau bụng với anh này', 'ngày mai thi rồi mà chưa học chữ nào', 'mong dịch bệnh sớm qua đi', 'quê mình đẹp thật sự',
    'sao giờ này còn chưa ngủ vậy mọi người', 'tin này có thật không vậy', 'mấy đứa trẻ bây giờ giỏi thật', 'ông này nói đúng quá',
    'tôi không đồng ý với quan điểm của bạn', 'đọc comment còn vui hơn đọc bài', 'hay quá, share về tường', 'Tuấn Anh ơi vào đây mà xem',
    'đi đâu cũng thấy kẹt xe', 'năm nay tết về quê không mọi người', 'có ai giống mình không, cứ mưa là buồn ngủ', 'mấy thằng này đúng là rảnh',
    'giờ mới thấy ông này nói chí lý', 'lần đầu thấy trận đấu hay như vậy', 'đọc xong mới biết hồi xưa khổ thế nào', 'Hoàng Nam mới thấy hả, cũ rồi',
    'mãi mới thấy một bài viết có tâm', 'xem xong video mới biết mình còn may mắn', 'lần đầu tiên đi biển vui quá', 'Thu Trang lần đầu nghe luôn 😂',
  ],
};
